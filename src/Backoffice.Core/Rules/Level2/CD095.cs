using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD095 on AangevraagdProduct/Omvang of the 315, the request form of CD080: a requested product
/// without Product/Code has no Omvang, unless its ToewijzingEinddatum is on or before 31-12-2020.
/// "Code in AangevraagdProduct" is read as the Code of its Product (the class has no other Code),
/// which is also empty when the whole Product is absent. "Groter dan" is strict.
/// </summary>
internal sealed class CD095 : IMessageRule
{
    private static readonly DateOnly Cutoff = new(2020, 12, 31);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD095",
        "Indien Code in AangevraagdProduct leeg is en ToewijzingEinddatum van het AangevraagdProduct groter dan 31-12-2020 of leeg is, dan leeg laten",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                foreach (var line in ProductLines.AangevraagdeProducten(client))
                {
                    if (line.Omvang is not null && line.Product?.Code is null && (line.Einddatum is null || line.Einddatum > Cutoff))
                    {
                        report.Add(
                            Definition,
                            line.Path.Child("Omvang"),
                            "AangevraagdProduct/Omvang is filled while Product/Code is empty and ToewijzingEinddatum is empty or after 31-12-2020 (CD095).");
                    }
                }

                break;
        }
    }
}
