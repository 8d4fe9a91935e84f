using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level4;

public sealed class TR378Tests
{
    [Test]
    public void TR378_a_301_from_a_code_missing_from_the_cbs_list_is_found_on_the_header_afzender_with_S300()
    {
        var message = Wmo301(Header(afzender: "0999"), Allocation());

        var finding = Found("TR378", message, View()).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("S300"));
        Assert.That(finding.Level, Is.EqualTo(4));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Header/Afzender"));
    }

    [Test]
    public void TR378_a_305_to_a_code_missing_from_the_cbs_list_is_found_on_the_header_ontvanger()
    {
        var message = Wmo305() with { Header = Wmo305().Header with { Ontvanger = "0999" } };

        Assert.That(Found("TR378", message, View()).Single().Path, Is.EqualTo("/Bericht/Header/Ontvanger"));
    }

    [Test]
    public void TR378_a_code_of_the_cbs_list_is_fine()
    {
        Assert.That(CbsGemeentecodes.Contains(Municipality), Is.True);
        Assert.That(Found("TR378", Wmo301(Allocation()), View()), Is.Empty);
        Assert.That(Found("TR378", Wmo305(), View()), Is.Empty);
    }

    [Test]
    public void TR378_a_missing_code_is_not_refused_when_an_ingangsdatum_lies_before_the_list_took_effect()
    {
        // The code may have been current then (before a reorganisation); the rule base holds no older list.
        var early = Allocation() with { Ingangsdatum = CbsGemeentecodes.Indeling.AddDays(-1) };

        Assert.That(Found("TR378", Wmo301(Header(afzender: "0999"), early), View()), Is.Empty);
        Assert.That(Found("TR378", Wmo305(toewijzingIngangsdatum: CbsGemeentecodes.Indeling.AddDays(-1)) with { Header = Wmo305().Header with { Ontvanger = "0999" } }, View()), Is.Empty);
    }

    [Test]
    public void TR378_a_message_without_product_dates_is_judged_on_its_dagtekening()
    {
        Wmo319 Reply(DateOnly dagtekening) => new(Header("AW0001", dagtekening, afzender: "0999"), new Antwoord("VOT-1", "1", "01"));

        Assert.That(Found("TR378", Reply(CbsGemeentecodes.Indeling), View()).Single().Path, Is.EqualTo("/Bericht/Header/Afzender"));
        Assert.That(Found("TR378", Reply(CbsGemeentecodes.Indeling.AddDays(-1)), View()), Is.Empty);
    }
}
