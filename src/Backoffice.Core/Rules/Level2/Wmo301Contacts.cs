using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// Every Contact class of a 301 with its element path, in document order: first the Contact of
/// each Relatie, then those under Contactgegevens. Both are the same class (wmo301:Contact in the
/// XSD), so the Contact conditions of the rule table (CD005, CD009, CD025, CD034) apply to both.
/// </summary>
internal static class Wmo301Contacts
{
    public static IEnumerable<(Contact Contact, XmlPath Path)> Of(ToewijzingClient client)
    {
        var clientPath = XmlPath.Bericht.Child("Client");
        var relaties = clientPath.Child("Relaties");
        for (var i = 0; i < client.Relaties.Count; i++)
        {
            yield return (client.Relaties[i].Contact, relaties.Item("Relatie", i).Child("Contact"));
        }

        var contactgegevens = clientPath.Child("Contactgegevens");
        for (var i = 0; i < client.Contactgegevens.Count; i++)
        {
            yield return (client.Contactgegevens[i], contactgegevens.Item("Contact", i));
        }
    }
}
