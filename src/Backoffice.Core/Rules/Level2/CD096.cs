using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD096 on NieuwProduct/Omvang of the 317, the change-request form of CD080: a new product without
/// Product/Code has no Omvang, unless its Einddatum is on or before 31-12-2020. "Code in
/// NieuwProduct" is read as the Code of its Product, which is also empty when the whole Product is
/// absent. "Groter dan" is strict.
/// </summary>
internal sealed class CD096 : IMessageRule
{
    private static readonly DateOnly Cutoff = new(2020, 12, 31);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD096",
        "Indien Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan leeg laten",
        new RuleScope(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo317 { Client.Verzoek: { } verzoek }:
                foreach (var line in ProductLines.NieuweProducten(verzoek))
                {
                    if (line.Omvang is not null && line.Product?.Code is null && (line.Einddatum is null || line.Einddatum > Cutoff))
                    {
                        report.Add(
                            Definition,
                            line.Path.Child("Omvang"),
                            "NieuwProduct/Omvang is filled while Product/Code is empty and Einddatum is empty or after 31-12-2020 (CD096).");
                    }
                }

                break;
        }
    }
}
