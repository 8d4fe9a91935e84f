using Backoffice.Core.Rules;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR318 (8214): declaration periods follow each other; months without care may be skipped, a period before the latest one may not.</summary>
public sealed class TR318Tests
{
    [Test]
    public void TR318_a_period_before_the_latest_declared_one_8214_on_the_Declaratie() =>
        Assert.That(
            RegisterRuleSet.Standard.Check(Around(Line("S")), View(latestPeriod: new DateOnly(2026, 4, 1))).Select(f => (f.Rule, f.Retourcode, f.Path)),
            Is.EqualTo(new[] { ((string?)"TR318", (string?)"8214", (string?)"/Bericht/Declaratie/DeclaratiePeriode") }));

    [TestCase(null)]
    [TestCase("2026-02-01")]
    [TestCase("2026-03-01")]
    [TestCase("2025-11-01")]
    public void TR318_the_first_the_next_the_same_or_after_skipped_months_passes(string? latest) =>
        Assert.That(RegisterRuleSet.Standard.Check(Around(Line("S")), View(latestPeriod: latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture))), Is.Empty);
}
