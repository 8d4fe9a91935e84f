using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level3;

/// <summary>
/// Test data for the 305/307 register rules, modelled on the casus "van levering via tijdelijke
/// stopzorg naar definitieve stopzorg": allocation 668877 for dagbesteding 07A12 from 15 May 2023,
/// started on 17 May. Defaults plus overrides (style.md habit 11); a register is built by accepting
/// messages one after the other (<see cref="Accept"/>), the way the service does it.
/// </summary>
internal static class StartStop
{
    public const string Bsn = "999996770";
    public const string Provider = "65656055";
    public const string Municipality = "0363";
    public const int Nummer = 668877;

    public static readonly Product Dagbesteding = new("07", "07A12");
    public static readonly DateOnly Ingangsdatum = new(2023, 5, 15);
    public static readonly DateOnly Begindatum = new(2023, 5, 17);
    public static readonly DateOnly ProcessingDate = new(2023, 9, 1);

    private static int identificatie;

    public static StartProduct Start(DateOnly? begindatum = null, string status = "1", int? nummer = Nummer) =>
        new(nummer, Dagbesteding, Ingangsdatum, begindatum ?? Begindatum, status);

    /// <summary>A stop of the default start; RedenBeeindiging 20 is temporary, 23 (the default) definitive.</summary>
    public static StopProduct Stop(string reden = "23", DateOnly? einddatum = null, string status = "1", DateOnly? begindatum = null, int? nummer = Nummer) =>
        new(nummer, Dagbesteding, Ingangsdatum, begindatum ?? Begindatum, reden, einddatum ?? new DateOnly(2023, 6, 20), status);

    public static Wmo305 Wmo305(params StartProduct[] lines) => new(Header(), new StartClient(Client(), [.. lines]));

    public static Wmo307 Wmo307(params StopProduct[] lines) => new(Header(), new StopClient(Client(), [.. lines]));

    /// <summary>An allocation version as the 301 recorded it, for this client from this municipality to this provider.</summary>
    public static RecordedAllocation Allocation(
        int nummer = Nummer,
        Product? product = null,
        bool generic = false,
        string bsn = Bsn,
        DateOnly? einddatum = null,
        string? redenWijziging = null,
        TimeOnly? toewijzingstijd = null,
        long id = 0) =>
        new(
            id,
            0,
            Municipality,
            Provider,
            bsn,
            new ToegewezenProduct(
                nummer,
                null,
                generic ? null : product ?? Dagbesteding,
                new DateOnly(2023, 5, 9),
                toewijzingstijd ?? new TimeOnly(10, 0),
                Ingangsdatum,
                einddatum ?? new DateOnly(2023, 12, 31),
                redenWijziging,
                generic ? null : new Omvang(6, "16", "2"),
                generic ? 100_000 : null,
                null),
            IndicationBacking.Backed,
            null);

    /// <summary>The register with the default allocation (or the ones given) and nothing else.</summary>
    public static RegisterView Allocated(params RecordedAllocation[] allocations) =>
        RegisterView.Empty(ProcessingDate) with { Allocations = allocations.Length == 0 ? [Allocation(id: 1)] : allocations };

    /// <summary>The register after <paramref name="message"/>, which must pass every register rule (a guard on the test's own setup).</summary>
    public static RegisterView Accept(this RegisterView view, IwmoMessage message)
    {
        var findings = RegisterRuleSet.Standard.Check(message, view);
        Assert.That(findings, Is.Empty, "the setup's message should be accepted");
        return view.Append(RegisterRecorderSet.Standard.Changes(message, view), view.Starts.Count + view.Stops.Count + 1);
    }

    /// <summary>The findings of rule <paramref name="code"/> on <paramref name="message"/> against <paramref name="view"/>.</summary>
    public static Finding[] Found(string code, IwmoMessage message, RegisterView view) =>
        [.. RegisterRuleSet.Standard.Check(message, view).Where(f => f.Rule == code)];

    /// <summary>Exactly one finding of <paramref name="code"/>, at <paramref name="path"/>, level 3, with <paramref name="retourcode"/>.</summary>
    public static void AssertFoundAt(string code, string retourcode, IwmoMessage message, RegisterView view, string path)
    {
        var finding = Found(code, message, view).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo(retourcode));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Message, Does.EndWith($"({code}).").Or.EndWith($"({code}, IV075)."));
    }

    private static Header Header() =>
        new(Provider, Municipality, new BerichtIdentificatie($"SS{Interlocked.Increment(ref identificatie):D10}", ProcessingDate), XsdVersie.Iwmo32);

    private static VerkorteClientGegevens Client() =>
        new(Bsn, new Geboortedatum(new DateOnly(1950, 3, 1)), "2", new VerkorteNaam(new Achternaamgegevens("Jansen")));
}
