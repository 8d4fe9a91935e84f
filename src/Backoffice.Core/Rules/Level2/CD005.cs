using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD005 on Contact/Adres/LandCode of the 301: LandCode goes with Postcode, both ways. A filled
/// Postcode without LandCode is a finding, and so is a LandCode without Postcode ("anders leeg
/// laten"); a Contact without Adres has neither and is fine. Relatie contacts are Contact classes
/// too (<see cref="Wmo301Contacts"/>).
/// </summary>
internal sealed class CD005 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD005",
        "Als Postcode gevuld is, dan verplicht vullen, anders leeg laten.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client: { } client }:
                foreach (var (contact, path) in Wmo301Contacts.Of(client))
                {
                    Contact(contact, path, report);
                }

                break;
        }
    }

    private void Contact(Contact contact, XmlPath path, RuleReport report)
    {
        var postcode = contact.Adres?.Postcode is not null;
        var landCode = contact.Adres?.LandCode is not null;
        var at = path.Child("Adres").Child("LandCode");
        if (postcode && !landCode)
        {
            report.Add(Definition, at, "Adres/LandCode is missing while Adres/Postcode is filled (CD005).");
        }
        else if (!postcode && landCode)
        {
            report.Add(Definition, at, "Adres/LandCode is filled while Adres/Postcode is empty; it must then be left empty (CD005).");
        }
    }
}
