namespace Backoffice.Core.Rules;

/// <summary>
/// How rule sets and recorder sets find their units: every concrete class of one namespace of this
/// assembly that implements the unit's interface, made once (adding a rule is adding its file).
/// Also the one check that no rule code is defined twice.
/// </summary>
internal static class Discovery
{
    public static IEnumerable<T> In<T>(string ns) =>
        typeof(Discovery).Assembly.GetTypes()
            .Where(t => t.Namespace == ns && t is { IsAbstract: false, IsClass: true } && typeof(T).IsAssignableFrom(t))
            .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!);

    /// <summary>The rules ordered by code; a code defined twice is a bug in the rule base.</summary>
    public static IReadOnlyList<T> ByCode<T>(IEnumerable<T> rules, Func<T, RuleDefinition> definition, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rules, paramName);
        IReadOnlyList<T> ordered = [.. rules.OrderBy(r => definition(r).Code, StringComparer.Ordinal)];
        var twice = ordered.GroupBy(r => definition(r).Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Rule {twice.Key} is defined more than once.", paramName);
        }

        return ordered;
    }
}
