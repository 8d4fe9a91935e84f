using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Tests.Rules.Level3;

/// <summary>
/// Register views for the request rules, around the reference samples: the 317 and 319 samples go
/// between provider 65656055 and municipality 0384 about client 999900006 and reference 9003; the 315
/// sample comes from provider 42420001. A test adds only the requests and allocations its case is
/// about and asserts which rule fired where.
/// </summary>
internal static class RequestViews
{
    public const string Municipality = "0384";
    public const string VowProvider = "65656055";
    public const string VotProvider = "42420001";
    public const string Bsn = "999900006";
    public const string VowReference = "9003";

    public static readonly DateOnly ProcessingDate = new(2023, 7, 17);

    private static long nextId;

    public static RegisterView View(IEnumerable<RecordedRequest>? requests = null, IEnumerable<RecordedAllocation>? allocations = null) =>
        RegisterView.Empty(ProcessingDate) with { Requests = [.. requests ?? []], Allocations = [.. allocations ?? []] };

    public static RecordedRequest Request(
        string reference,
        RequestState state = RequestState.Open,
        RequestKind kind = RequestKind.Vow,
        string provider = VowProvider,
        string municipality = Municipality,
        string bsn = Bsn,
        DateOnly? inOnderzoekOn = null)
    {
        var id = Interlocked.Increment(ref nextId);
        return new RecordedRequest(id, id, kind, municipality, provider, bsn, reference, new(2023, 3, 1), new(2023, 3, 1), state, inOnderzoekOn);
    }

    public static RecordedAllocation Allocation(
        int number,
        Product? product,
        DateOnly ingangsdatum,
        DateOnly? einddatum,
        Omvang? omvang = null,
        long? budget = null,
        string? redenWijziging = null,
        string? referentieAanbieder = null,
        DateOnly? toewijzingsdatum = null,
        string provider = VowProvider,
        string bsn = Bsn)
    {
        var id = Interlocked.Increment(ref nextId);
        var version = new ToegewezenProduct(
            number, referentieAanbieder, product, toewijzingsdatum ?? new(2023, 1, 1), new(9, 0), ingangsdatum, einddatum, redenWijziging, omvang, budget, null);
        return new RecordedAllocation(id, id, Municipality, provider, bsn, version, IndicationBacking.Backed, null);
    }

    /// <summary>The 317 sample (Ongewijzigd 10071, TeWijzigen 10072 from the Dagtekening 2023-04-02, one NieuwProduct 01/01A12).</summary>
    public static Wmo317 Vow() => RuleSamples.Read<Wmo317>("WMO317.xml");

    public static Wmo317 WithVerzoek(Wmo317 vow, Func<Verzoek, Verzoek> change) =>
        vow with { Client = vow.Client with { Verzoek = change(vow.Client.Verzoek) } };

    public static Wmo317 WithTeWijzigen(Wmo317 vow, params TeWijzigenProduct[] producten) =>
        WithVerzoek(vow, v => v with { TeWijzigenProducten = [.. producten] });

    /// <summary>
    /// The client's current allocations that fit the 317 sample: 10071 a specific product all year,
    /// 10072 an aspecific one (category 02, no Omvang) from 2023-04-02, the day the sample's
    /// TeWijzigenProduct asks for.
    /// </summary>
    public static RecordedAllocation[] VowAllocations() =>
    [
        Allocation(10071, new Product("03", "03C01"), new(2023, 1, 1), new(2023, 12, 31), new Omvang(4, "14", "4")),
        Allocation(10072, new Product("02"), new(2023, 4, 2), new(2023, 6, 30)),
    ];

    public static Finding[] Found(IwmoMessage message, RegisterView view, string rule) =>
        [.. RegisterRuleSet.Standard.Check(message, view).Where(f => f.Rule == rule)];
}
