using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR357: a change that does not start in the future (GewensteIngangsdatum on or before the VOW's
/// Dagtekening) is a change over the whole period, so its GewensteIngangsdatum is the Ingangsdatum of
/// the original allocation (its current version, <see cref="VowAllocations.ToChange"/>). The finding
/// is on the TeWijzigenProduct's GewensteIngangsdatum.
/// </summary>
internal sealed class TR357 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR357",
        "9357",
        "Als GewensteIngangsdatum kleiner dan of gelijk is aan de dagtekening, dan is GewensteIngangsdatum gelijk aan ingangsdatum van het originele ToegewezenProduct.",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: not null } vow)
        {
            return;
        }

        var dagtekening = vow.Header.BerichtIdentificatie.Dagtekening;
        foreach (var (line, path, original) in VowAllocations.ToChange(vow, before))
        {
            if (line.GewensteIngangsdatum <= dagtekening && line.GewensteIngangsdatum != original.Ingangsdatum)
            {
                report.Add(
                    Definition,
                    path.Child("GewensteIngangsdatum"),
                    "TeWijzigenProduct/GewensteIngangsdatum is on or before the Dagtekening but not the Ingangsdatum of the original allocation (TR357).");
            }
        }
    }
}
