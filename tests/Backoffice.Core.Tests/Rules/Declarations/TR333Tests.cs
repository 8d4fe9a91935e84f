using Backoffice.Core.Rules;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR333 (9333): a DeclaratieNummer is used once per provider; the code goes on the Declaratie, which is rejected whole (IV087).</summary>
public sealed class TR333Tests
{
    [Test]
    public void TR333_a_DeclaratieNummer_used_before_9333_on_the_Declaratie() =>
        Assert.That(
            RegisterRuleSet.Standard.Check(Around(Line("S")), View(declaratieNummerUsed: true)).Select(f => (f.Rule, f.Retourcode, f.Path)),
            Is.EqualTo(new[] { ((string?)"TR333", (string?)"9333", (string?)"/Bericht/Declaratie/DeclaratieNummer") }));

    [Test]
    public void TR333_a_new_DeclaratieNummer_passes() =>
        Assert.That(RegisterRuleSet.Standard.Check(Around(Line("S")), View()), Is.Empty);
}
