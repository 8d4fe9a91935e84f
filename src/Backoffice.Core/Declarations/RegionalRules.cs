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
/// The regional rules of one municipality on top of the national rules (README, "Regional rule
/// sets"). Every verdict records <see cref="Name"/> (<c>declaration.rule_set</c>), so an auditor
/// can tell which agreement a line was judged under. A regional rule may only narrow or widen what
/// a national rule allows where the standard leaves it to the parties, and it refuses with that
/// national rule's own retourcode: the standard has no code for a regional refusal, and a 325 may
/// carry only codes of WJ001.
/// </summary>
/// <param name="Municipality">The CBS code these rules are for; null for the national rules alone.</param>
/// <param name="BrokenMonths">What a broken month of an outputgericht monthly allocation is paid (IV078; refused with TR321's 9321).</param>
public sealed record RegionalRules(string? Municipality, BrokenMonths BrokenMonths)
{
    /// <summary>The national rules only: a broken month as the contract says.</summary>
    public static RegionalRules National { get; } = new(null, BrokenMonths.Contract);

    /// <summary>True when nothing differs from the national rules.</summary>
    public bool IsNational => BrokenMonths == BrokenMonths.Contract;

    /// <summary>
    /// The rule set's name as a verdict records it: <c>national</c>, or the municipality with
    /// every switch that differs, e.g. <c>national + regional 0321 (broken-months=first-in-full)</c>.
    /// </summary>
    public string Name => IsNational
        ? "national"
        : $"national + regional {Municipality} (broken-months={Kebab(BrokenMonths)})";

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
