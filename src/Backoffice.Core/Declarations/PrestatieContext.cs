using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;

namespace Backoffice.Core.Declarations;

/// <summary>
/// One Prestatie of a WMO323 as the prestatie rules see it: the line, where it is, and what the
/// walk matched it to before any rule ran.
/// </summary>
/// <param name="Allocation">The latest version (IV013) of the allocation with this ToewijzingNummer of this provider in this municipality, a deleted one included (TR384); null when there is none (TR338).</param>
/// <param name="Product">The catalogue product of the line's category and code valid at the start of its period; null when the catalogue has none (TR381).</param>
/// <param name="Financing">The financing form of the allocated product (inspanningsgericht when the catalogue does not say).</param>
/// <param name="Contract">The provider's contract line for the product valid at the start of the period; null when there is none (TR418).</param>
/// <param name="Debit">For a credit: the earlier recorded debit its VorigReferentieNummer names, if any (TR323).</param>
/// <param name="Totals">What was approved on the same allocation before this line (earlier messages, and lines of this message walked before it).</param>
public sealed record PrestatieContext(
    int Client,
    int Index,
    string Bsn,
    Prestatie Line,
    XmlPath Path,
    string Municipality,
    string Provider,
    RecordedAllocation? Allocation,
    CatalogueProduct? Product,
    FinancingForm Financing,
    ContractTariff? Contract,
    RecordedPrestatie? Debit,
    ApprovedTotals Totals,
    DeclarationHistory History)
{
    public bool IsCredit => Line.IngediendBedrag.DebetCredit == DebetCredit.Credit;
}

/// <summary>
/// What was approved on one allocation before a line: its volume in 60ths of the allocation's unit
/// (so minutes and hours add up, IV081), the eurocents claimed in Euro's (TR369), the debits not
/// credited by key (TR389) and the debits credited (TR390).
/// </summary>
public sealed class ApprovedTotals
{
    private readonly Dictionary<int, long> volume = [];
    private readonly Dictionary<int, long> euros = [];
    private readonly HashSet<(int Nummer, DateOnly Begin, DateOnly End, string Categorie, string Code)> openDebits = [];
    private readonly HashSet<string> credited = new(StringComparer.Ordinal);
    private readonly HashSet<string> referenced = new(StringComparer.Ordinal);

    /// <summary>The approved volume on allocation <paramref name="nummer"/>, in 60ths of its unit.</summary>
    public long Volume(int nummer) => volume.GetValueOrDefault(nummer);

    /// <summary>The approved eurocents claimed in Euro's on allocation <paramref name="nummer"/>.</summary>
    public long Euros(int nummer) => euros.GetValueOrDefault(nummer);

    /// <summary>An approved debit for the same allocation, product and period that no credit undid (TR389).</summary>
    public bool HasOpenDebit(Prestatie line) => openDebits.Contains(Key(line));

    /// <summary>An approved credit already undid the debit with this ReferentieNummer (TR390).</summary>
    public bool IsCredited(string debitReferentieNummer) => credited.Contains(debitReferentieNummer);

    /// <summary>A line walked before this one in the same message carried this ReferentieNummer (TR314 within the message).</summary>
    public bool IsReferenced(string referentieNummer) => referenced.Contains(referentieNummer);

    /// <summary>Records that a line of this message carried <paramref name="referentieNummer"/>, approved or not.</summary>
    public void Referenced(string referentieNummer) => referenced.Add(referentieNummer);

    /// <summary>Adds one approved line (a credit subtracts), its volume in the 60ths <paramref name="sixtieths"/> gives per unit.</summary>
    public void Add(Prestatie line, long sixtieths)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sign = line.IngediendBedrag.DebetCredit == DebetCredit.Credit ? -1 : 1;
        volume[line.ToewijzingNummer] = Volume(line.ToewijzingNummer) + (sign * line.GeleverdVolume * sixtieths);
        if (line.Eenheid == CatalogueCodes.Euros)
        {
            euros[line.ToewijzingNummer] = Euros(line.ToewijzingNummer) + (sign * line.GeleverdVolume);
        }

        if (sign > 0)
        {
            openDebits.Add(Key(line));
        }
    }

    /// <summary>Records that an approved credit undid <paramref name="debit"/>.</summary>
    public void Credit(string debitReferentieNummer, Prestatie debit)
    {
        ArgumentNullException.ThrowIfNull(debit);
        credited.Add(debitReferentieNummer);
        openDebits.Remove(Key(debit));
    }

    private static (int, DateOnly, DateOnly, string, string) Key(Prestatie p) =>
        (p.ToewijzingNummer, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, p.ProductCategorie, p.ProductCode);
}
