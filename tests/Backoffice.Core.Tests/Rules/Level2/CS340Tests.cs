using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS340Tests
{
    [Test]
    public void CS340_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void CS340_period_not_starting_on_day_1_is_found_at_the_begindatum_with_0001() =>
        AssertFoundAt(WithPeriode(new DateOnly(2023, 4, 2), new DateOnly(2023, 4, 30)), "/Bericht/Declaratie/DeclaratiePeriode/Begindatum");

    [Test]
    public void CS340_a_month_long_period_shifted_by_a_day_is_found_once_at_the_begindatum() =>
        AssertFoundAt(WithPeriode(new DateOnly(2023, 4, 2), new DateOnly(2023, 5, 1)), "/Bericht/Declaratie/DeclaratiePeriode/Begindatum");

    [TestCase("2023-04-01", "2023-04-29")]
    [TestCase("2023-04-01", "2023-05-31")]
    [TestCase("2024-02-01", "2024-02-28")]
    public void CS340_period_from_day_1_not_ending_on_the_last_day_of_that_month_is_found_at_the_einddatum(string begin, string einde) =>
        AssertFoundAt(WithPeriode(Date(begin), Date(einde)), "/Bericht/Declaratie/DeclaratiePeriode/Einddatum");

    [TestCase("2023-02-01", "2023-02-28")]
    [TestCase("2024-02-01", "2024-02-29")]
    [TestCase("2023-12-01", "2023-12-31")]
    public void CS340_a_whole_calendar_month_is_fine(string begin, string einde) =>
        Assert.That(Found(WithPeriode(Date(begin), Date(einde))), Is.Empty);

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static Wmo323 WithPeriode(DateOnly begin, DateOnly eind)
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        return sample with { Declaratie = sample.Declaratie with { DeclaratiePeriode = new GeslotenPeriode(begin, eind) } };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS340")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS340)."));
    }
}
