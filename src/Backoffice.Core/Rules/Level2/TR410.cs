using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR410: no stacking among the NieuweProducten of one VOW. Two NieuwProducten for the same product
/// must not overlap from GewensteIngangsdatum to Einddatum, unless either is a hulpmiddel
/// (categories 11 to 14); one without a Product overlaps every other one. Only NieuwProducten are
/// compared with each other, as in the official stylesheet; overlap with current allocations is
/// TR361 (level 3). Overlap is inclusive (<see cref="ProductStacking"/>). The finding is on the
/// later of the two NieuwProducten.
/// </summary>
internal sealed class TR410 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR410",
        "Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet overlappen.",
        new RuleScope(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { } verzoek })
        {
            return;
        }

        var producten = verzoek.NieuweProducten;
        var parent = XmlPath.Bericht.Child("Client").Child("Verzoek").Child("NieuweProducten");
        foreach (var (i, j) in ProductStacking.FirstStackings(producten, p => p.Product, p => p.GewensteIngangsdatum, p => p.Einddatum))
        {
            report.Add(
                Definition,
                parent.Item("NieuwProduct", i),
                $"NieuwProduct overlaps NieuwProduct {j + 1} for the same product in its period from GewensteIngangsdatum to Einddatum (TR410).");
        }
    }
}
