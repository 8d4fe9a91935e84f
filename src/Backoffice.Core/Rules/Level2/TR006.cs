using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR006: every Contact of the 301 has a Telefoon, or an Adres with both Huis and Postcode, or
/// both. That is every Contact under Contactgegevens and the Contact of each Relatie (OP130 ties
/// TR006 to the Relatie's contact details too). The rule is about the class, and either element
/// would do, so the finding points at the Contact itself.
/// </summary>
internal sealed class TR006 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR006",
        "De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        foreach (var (contact, path) in Wmo301Contacts.Of(m.Client))
        {
            Contact(contact, path, report);
        }
    }

    private void Contact(Contact? contact, XmlPath at, RuleReport report)
    {
        if (contact is null || contact.Telefoon is not null || contact.Adres is { Huis: not null, Postcode: not null })
        {
            return;
        }

        report.Add(Definition, at, "Contact has no Telefoon and no Adres with both Huis and Postcode (TR006).");
    }
}
