using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS339Tests
{
    [Test]
    public void CS339_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void CS339_euro_line_whose_amount_differs_from_its_volume_is_found_with_0001()
    {
        var broken = WithSecondLine(RuleSamples.Read<Wmo323>("WMO323.xml"), p => p with
        {
            Eenheid = "83", GeleverdVolume = 5000, ProductTarief = null, IngediendBedrag = new BedragMetDC(4999, DebetCredit.Debet),
        });

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/IngediendBedrag/Bedrag");
    }

    [TestCase(DebetCredit.Debet)]
    [TestCase(DebetCredit.Credit)]
    public void CS339_euro_line_whose_amount_equals_its_volume_is_fine_debet_or_credit(DebetCredit sign)
    {
        var fine = WithSecondLine(RuleSamples.Read<Wmo323>("WMO323.xml"), p => p with
        {
            Eenheid = "83", GeleverdVolume = 5000, ProductTarief = null, IngediendBedrag = new BedragMetDC(5000, sign),
        });

        Assert.That(Found(fine), Is.Empty);
    }

    private static Wmo323 WithSecondLine(Wmo323 sample, Func<Prestatie, Prestatie> change)
    {
        var clienten = sample.Declaratie.Clienten;
        var first = clienten[0];
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [first with { Prestaties = [first.Prestaties[0], change(first.Prestaties[1])] }, clienten[1]],
            },
        };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS339")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS339)."));
    }
}
