using Backoffice.Core.Declarations;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Standard;
using Backoffice.Data.Register;
using Microsoft.Extensions.Options;
using Backoffice.Service.Configuration;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Processing;

/// <summary>
/// The regional rule sets as an operator sets them: section <c>Declarations:Regional</c> of the
/// configuration reaches the register view a 323 is judged on, per municipality, and so the rule
/// set every verdict records; a mistyped municipality or value stops the service at start instead
/// of being ignored.
/// </summary>
public sealed class RegionalRulesConfigurationTests
{
    private const string Amsterdam = "0363";

    private static RegisterKey Declaration(string municipality) =>
        new(MessageType.Wmo323, "42420001", "DECL0001", municipality, "42420001", null, [1], []) { DeclaratieNummer = "D1" };

    [Test]
    public async Task A_configured_municipality_is_judged_and_recorded_under_its_regional_rules_and_others_under_the_national_ones()
    {
        using var service = new ServiceHarness(settings: new Dictionary<string, string?>
        {
            ["Declarations:Regional:" + Amsterdam + ":BrokenMonths"] = "first-in-full",
        });
        var register = service.Get<RegisterStore>();

        var configured = await register.LoadViewAsync(Declaration(Amsterdam), 1, new DateOnly(2026, 4, 3), CancellationToken.None);
        var other = await register.LoadViewAsync(Declaration("0384"), 1, new DateOnly(2026, 4, 3), CancellationToken.None);

        Assert.That(configured.Declarations!.Regional, Is.EqualTo(new RegionalRules(Amsterdam, BrokenMonths.FirstInFull)));
        Assert.That(MessageCheck.RuleSetName(configured), Is.EqualTo("iwmo-3.2 national + regional 0363 (broken-months=first-in-full)"));
        Assert.That(other.Declarations!.Regional, Is.SameAs(RegionalRules.National));
        Assert.That(MessageCheck.RuleSetName(other), Is.EqualTo("iwmo-3.2 national"));
    }

    [Test]
    public void A_key_that_is_not_a_CBS_code_is_refused_with_its_reason()
    {
        using var service = new ServiceHarness(settings: new Dictionary<string, string?> { ["Declarations:Regional:Amsterdam:BrokenMonths"] = "Full" });
        var refused = Assert.Throws<OptionsValidationException>(() => _ = service.Get<IOptions<DeclarationOptions>>().Value);
        Assert.That(refused!.Message, Does.Contain("'Amsterdam' is not one"));
    }

    [Test]
    public void A_value_that_is_not_a_broken_month_policy_is_refused()
    {
        using var service = new ServiceHarness(settings: new Dictionary<string, string?> { ["Declarations:Regional:" + Amsterdam + ":BrokenMonths"] = "Sometimes" });
        var refused = Assert.Throws<OptionsValidationException>(() => _ = service.Get<IOptions<DeclarationOptions>>().Value);
        Assert.That(refused!.Message, Does.Contain("BrokenMonths must be one of contract, full, first-in-full, none"));
    }
}
