using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Tests.Rules.Level2;

/// <summary>
/// For the condition (CD) rule tests: the reference samples, the findings of one rule on a message,
/// and the 301, 315 and 317 with a product list replaced (CD041, CD043, CD066 to CD068, CD075 to
/// CD080, CD095, CD096).
/// </summary>
internal static class ConditionSamples
{
    public static Wmo301 Toewijzing => RuleSamples.Read<Wmo301>("WMO301.xml");

    public static Wmo315 Vot => RuleSamples.Read<Wmo315>("WMO315.xml");

    public static Wmo317 Vow => RuleSamples.Read<Wmo317>("WMO317.xml");

    public static List<Finding> Findings(IwmoMessage message, string rule) =>
        [.. RuleSet.Level2.Check(message).Where(f => f.Rule == rule)];

    public static Wmo301 With(this Wmo301 sample, params ToegewezenProduct[] products) =>
        sample with { Client = sample.Client with { ToegewezenProducten = [.. products] } };

    public static Wmo315 With(this Wmo315 sample, params AangevraagdProduct[] products) =>
        sample with { Client = sample.Client with { AangevraagdeProducten = [.. products] } };

    public static Wmo317 WithNieuw(this Wmo317 sample, params NieuwProduct[] products) =>
        sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { NieuweProducten = [.. products] } } };

    public static Wmo317 WithTeWijzigen(this Wmo317 sample, params TeWijzigenProduct[] products) =>
        sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { TeWijzigenProducten = [.. products] } } };
}
