using System.Text.RegularExpressions;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Standard;

public sealed partial class CbsGemeentecodesTests
{
    private static string ListFile => Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "codelijsten", "CBS_Gemeentecodes.md");

    [Test]
    public void The_code_list_holds_exactly_the_codes_of_the_rule_base_list()
    {
        RepoPaths.RequireReference();
        var codes = File.ReadLines(ListFile).Select(line => CodeRow().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        Assert.That(codes, Has.Count.EqualTo(342), "the list's 'Aantal gemeenten'");
        Assert.That(CbsGemeentecodes.Codes, Is.EquivalentTo(codes));
    }

    [Test]
    public void The_indeling_date_is_the_one_the_list_is_titled_with()
    {
        RepoPaths.RequireReference();
        var title = File.ReadLines(ListFile).First();

        Assert.That(title, Does.Contain("Gemeentelijke indeling " + CbsGemeentecodes.Indeling.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(CbsGemeentecodes.Indeling, Is.EqualTo(new DateOnly(CbsGemeentecodes.Indeling.Year, 1, 1)));
    }

    [Test]
    public void Codes_are_four_digits_and_lookups_are_exact()
    {
        Assert.That(CbsGemeentecodes.Codes, Has.Count.EqualTo(342));
        Assert.That(CbsGemeentecodes.Codes, Has.All.Matches("^[0-9]{4}$"));
        Assert.That(CbsGemeentecodes.Contains("0363"), Is.True);
        Assert.That(CbsGemeentecodes.Contains("363"), Is.False);
        Assert.That(CbsGemeentecodes.Contains(null), Is.False);
    }

    [GeneratedRegex(@"^\| ([0-9]{4}) \|")]
    private static partial Regex CodeRow();
}
