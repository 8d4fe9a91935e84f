using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD080 on ToegewezenProduct/Omvang of the 301: an allocation without Product/Code (aspecific, or
/// with no Product at all) has no Omvang, unless it ended on or before 31-12-2020, before release
/// 3.0 took effect on 1-1-2021. "Code in Product leeg" also holds when the whole Product is absent.
/// "Groter dan 31-12-2020" is strict: an Einddatum of exactly 31-12-2020 still allows an Omvang.
/// </summary>
internal sealed class CD080 : IMessageRule
{
    private static readonly DateOnly Cutoff = new(2020, 12, 31);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD080",
        "Indien Code in Product leeg is en Einddatum van het ToegewezenProduct groter dan 31-12-2020 of leeg is, dan leeg laten",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo301 { Client: { } client }:
                foreach (var line in ProductLines.ToegewezenProducten(client))
                {
                    if (line.Omvang is not null && line.Product?.Code is null && (line.Einddatum is null || line.Einddatum > Cutoff))
                    {
                        report.Add(
                            Definition,
                            line.Path.Child("Omvang"),
                            "ToegewezenProduct/Omvang is filled while Product/Code is empty and Einddatum is empty or after 31-12-2020 (CD080).");
                    }
                }

                break;
        }
    }
}
