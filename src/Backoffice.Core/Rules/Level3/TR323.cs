using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;
using Backoffice.Core.Messages.Common;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR323: a credit names, with VorigReferentieNummer, an earlier approved debit of this provider, and is its copy (IV091: same client, allocation, product, period, volume and amount): 8017.
/// </summary>
internal sealed class TR323 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR323",
        "8017",
        "Een creditprestatie moet verwijzen naar een eerder goedgekeurde debetprestatie.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => true;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (!line.IsCredit)
        {
            return;
        }

        var p = line.Line;
        if (line.Debit is not { } debit
            || debit.Bsn != line.Bsn || debit.ToewijzingNummer != p.ToewijzingNummer || debit.ProductCategorie != p.ProductCategorie || debit.Eenheid != p.Eenheid
            || debit.ProductCode != p.ProductCode || debit.ProductPeriode != p.ProductPeriode || debit.GeleverdVolume != p.GeleverdVolume
            || debit.Bedrag != p.IngediendBedrag.Bedrag || debit.DebetCredit != DebetCredit.Debet)
        {
            report.Add(Definition, line.Path.Child("ProductReferentie").Child("VorigReferentieNummer"), "The credit does not name an earlier approved debit of this provider that it copies (TR323).");
        }
    }
}
