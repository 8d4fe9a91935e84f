using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD007 on Client/Communicatie/Taal of the 301: Taal goes with Vorm 1 (tolk taal), both ways. A
/// Client without Communicatie has neither and is fine.
/// </summary>
internal sealed class CD007 : IMessageRule
{
    private const string TolkTaal = "1";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD007",
        "Als Communicatie / Vorm de waarde 1 (tolk taal) heeft, dan verplicht vullen, anders leeglaten.",
        new RuleScope(MessageType.Wmo301, "Client"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client.Gegevens.Communicatie: { } communicatie }:
                var at = XmlPath.Bericht.Child("Client").Child("Communicatie").Child("Taal");
                if (communicatie.Vorm == TolkTaal && communicatie.Taal is null)
                {
                    report.Add(Definition, at, "Communicatie/Taal is missing while Communicatie/Vorm is 1 (tolk taal) (CD007).");
                }
                else if (communicatie.Vorm != TolkTaal && communicatie.Taal is not null)
                {
                    report.Add(Definition, at, "Communicatie/Taal is filled while Communicatie/Vorm is not 1 (tolk taal); it must then be left empty (CD007).");
                }

                break;
        }
    }
}
