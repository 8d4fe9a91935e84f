using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// Every Geboortedatum a rule on birth dates looks at (CS139, TR002): the Client's in the 301, 305,
/// 307 and 315, and each Relatie's in the 301, with the path of the class that owns it.
/// </summary>
internal static class BirthDates
{
    public static IEnumerable<(Geboortedatum Geboortedatum, XmlPath Owner)> In(IwmoMessage message)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 m:
                yield return (m.Client.Gegevens.Geboortedatum, client);
                var relaties = client.Child("Relaties");
                for (var i = 0; i < m.Client.Relaties.Count; i++)
                {
                    if (m.Client.Relaties[i].Gegevens.Geboortedatum is { } relatie)
                    {
                        yield return (relatie, relaties.Item("Relatie", i));
                    }
                }

                break;
            case Wmo305 m:
                yield return (m.Client.Gegevens.Geboortedatum, client);
                break;
            case Wmo307 m:
                yield return (m.Client.Gegevens.Geboortedatum, client);
                break;
            case Wmo315 m:
                yield return (m.Client.Gegevens.Geboortedatum, client);
                break;
        }
    }
}
