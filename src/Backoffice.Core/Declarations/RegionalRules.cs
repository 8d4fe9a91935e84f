using Backoffice.Core.Reference;

namespace Backoffice.Core.Declarations;

/// <summary>
/// What a municipality pays for a month that lies only partly inside an outputgericht allocation
/// per month (an arrangement declared as one unit a month). IV078 sets a uniform rule only for
/// inspanningsgericht (the broken month may carry the month's whole volume) and leaves
/// outputgericht to the municipality and the provider; this is where that agreement is read.
/// </summary>
public enum BrokenMonths
{
    /// <summary>The contract line decides (<see cref="ContractTariff.PartialMonthInFull"/>): the national default, since the contract is the agreement IV078 refers to.</summary>
    Contract,

    /// <summary>Every broken month is paid in full, whatever the contract says.</summary>
    Full,

    /// <summary>The month the allocation starts in is paid in full; a month it ends in before its last day is not.</summary>
    FirstInFull,

    /// <summary>No broken month is paid.</summary>
    None,
}

/// <summary>
/// What a municipality does with a paid line on an allocation the provider sent no start (305)
/// for. OP364 forbids making a start a condition for payment and the standard has no retourcode
/// for it, so the line is judged as always; <see cref="Signal"/> only lists it for staff, since the
/// provider must still send the start within 5 working days of starting the care.
/// </summary>
public enum StartMessage
{
    /// <summary>Nothing is done (the national rules).</summary>
    Off,

    /// <summary>Approved debits on an allocation without a current start are listed for staff (a task per declaration), never refused.</summary>
    Signal,
}

/// <summary>
/// The regional rules of one municipality on top of the national rules (README, "Regional rule
/// sets"). Every verdict records <see cref="Name"/> (<c>declaration.rule_set</c>), so an auditor
/// can tell which agreement a line was judged under. A regional rule may only narrow or widen what
/// a national rule allows where the standard leaves it to the parties, and it refuses with that
/// national rule's own retourcode: the standard has no code for a regional refusal, and a 325 may
/// carry only codes of WJ001.
/// </summary>
/// <param name="Municipality">The CBS code these rules are for; null for the national rules alone.</param>
/// <param name="BrokenMonths">What a broken month of an outputgericht monthly allocation is paid (IV078; refused with TR321's 9321).</param>
/// <param name="StartMessage">Whether approved lines on allocations without a start are listed for staff (never refused, OP364).</param>
public sealed record RegionalRules(string? Municipality, BrokenMonths BrokenMonths, StartMessage StartMessage = StartMessage.Off)
{
    /// <summary>The national rules only: a broken month as the contract says, a missing start not looked at.</summary>
    public static RegionalRules National { get; } = new(null, BrokenMonths.Contract);

    /// <summary>True when nothing differs from the national rules.</summary>
    public bool IsNational => BrokenMonths == BrokenMonths.Contract && StartMessage == StartMessage.Off;

    /// <summary>
    /// The rule set's name as a verdict records it: <c>national</c>, or the municipality with
    /// every switch that differs, e.g. <c>national + regional 0321 (broken-months=first-in-full; start-message=signal)</c>.
    /// </summary>
    public string Name => IsNational
        ? "national"
        : $"national + regional {Municipality} ({string.Join("; ", Switches())})";

    private IEnumerable<string> Switches()
    {
        if (BrokenMonths != BrokenMonths.Contract)
        {
            yield return "broken-months=" + Kebab(BrokenMonths);
        }

        if (StartMessage != StartMessage.Off)
        {
            yield return "start-message=" + Kebab(StartMessage);
        }
    }

    /// <summary>
    /// Whether a broken month of an outputgericht monthly allocation may be paid in full.
    /// </summary>
    /// <param name="startsInMonth">The allocation starts after the month's first day.</param>
    /// <param name="contract">The contract line of the declared product on the period, if any.</param>
    public bool PaysBrokenMonth(bool startsInMonth, ContractTariff? contract) => BrokenMonths switch
    {
        BrokenMonths.Full => true,
        BrokenMonths.FirstInFull => startsInMonth,
        BrokenMonths.None => false,
        _ => contract?.PartialMonthInFull ?? false,
    };

    /// <summary>The configuration and rule-set spelling of a value: <c>FirstInFull</c> as <c>first-in-full</c>.</summary>
    public static string Kebab(BrokenMonths value) => value switch
    {
        BrokenMonths.Contract => "contract",
        BrokenMonths.Full => "full",
        BrokenMonths.FirstInFull => "first-in-full",
        BrokenMonths.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>The configuration and rule-set spelling of a <see cref="Declarations.StartMessage"/>.</summary>
    public static string Kebab(StartMessage value) => value switch
    {
        StartMessage.Off => "off",
        StartMessage.Signal => "signal",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>
    /// For <see cref="StartMessage.Signal"/>: the allocation numbers of the approved debits of
    /// <paramref name="lines"/> for which <paramref name="view"/> holds no current start (305) of
    /// that allocation beginning on or before the line's last day, each with how many lines; empty
    /// when the switch is off. Credits are left out: they undo a payment, they make none.
    /// </summary>
    public IReadOnlyList<(int ToewijzingNummer, int Lines)> WithoutStart(Register.RegisterView view, IReadOnlyList<LineVerdict> lines)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(lines);
        if (StartMessage == StartMessage.Off)
        {
            return [];
        }

        var states = new Dictionary<string, Register.CareState>(StringComparer.Ordinal);
        return
        [
            .. lines
                .Where(l => l.Approved && l.Line.IngediendBedrag.DebetCredit == Messages.Common.DebetCredit.Debet)
                .Where(l =>
                {
                    if (!states.TryGetValue(l.Bsn, out var state))
                    {
                        states[l.Bsn] = state = Register.CareState.Of(view, l.Bsn);
                    }

                    return !state.Starts.Values.Any(s => s.ToewijzingNummer == l.Line.ToewijzingNummer && s.Begindatum <= l.Line.ProductPeriode.Einddatum);
                })
                .GroupBy(l => l.Line.ToewijzingNummer)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count())),
        ];
    }
}

/// <summary>The regional rules of every municipality that has any; the national rules for all others.</summary>
public sealed class RegionalRuleBook
{
    private readonly Dictionary<string, RegionalRules> byMunicipality;

    public RegionalRuleBook(IEnumerable<RegionalRules> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        byMunicipality = [];
        foreach (var r in rules)
        {
            if (r.Municipality is not { } code)
            {
                throw new ArgumentException("Regional rules name their municipality.", nameof(rules));
            }

            if (!byMunicipality.TryAdd(code, r))
            {
                throw new ArgumentException($"Municipality {code} has regional rules twice.", nameof(rules));
            }
        }
    }

    /// <summary>No regional rules anywhere.</summary>
    public static RegionalRuleBook National { get; } = new([]);

    /// <summary>The rules for <paramref name="municipality"/>: its regional set, or the national rules.</summary>
    public RegionalRules For(string municipality) =>
        byMunicipality.TryGetValue(municipality, out var rules) && !rules.IsNational ? rules : RegionalRules.National;
}
