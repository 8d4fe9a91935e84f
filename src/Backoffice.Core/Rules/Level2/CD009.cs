using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD009 on Contact/Periode of the 301: a period is allowed only on a temporary address (Soort 04).
/// The rule only forbids; a temporary address without a Periode is fine. Relatie contacts are
/// Contact classes too (<see cref="Wmo301Contacts"/>).
/// </summary>
internal sealed class CD009 : IMessageRule
{
    private const string TijdelijkAdres = "04";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD009",
        "Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen toegestaan.",
        new RuleScope(MessageType.Wmo301, "Contact"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client: { } client }:
                foreach (var (contact, path) in Wmo301Contacts.Of(client))
                {
                    if (contact.Periode is not null && contact.Soort != TijdelijkAdres)
                    {
                        report.Add(Definition, path.Child("Periode"), "Contact/Periode is filled while Contact/Soort is not 04 (tijdelijk adres) (CD009).");
                    }
                }

                break;
        }
    }
}
