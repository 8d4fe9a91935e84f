using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR349: a VOW lists every current allocation of the client, as an OngewijzigdProduct or a
/// TeWijzigenProduct. Current: valid on or after the VOW's Dagtekening, deleted ones (Einddatum =
/// Ingangsdatum with RedenWijziging 13 or 01) not counted (<see cref="VowAllocations"/>). The missing
/// allocation has no class of its own in the VOW, so the finding is on the Verzoek that should list
/// it: one finding for all that are missing.
/// </summary>
internal sealed class TR349 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR349",
        "9349",
        "Het verzoek om wijziging bericht bevat alle actuele ToegewezenProducten van de client.",
        new RuleScope(MessageType.Wmo317, "Verzoek"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { } verzoek } vow)
        {
            return;
        }

        var listed = verzoek.OngewijzigdeProducten.Select(p => p.ToewijzingNummer)
            .Concat(verzoek.TeWijzigenProducten.Select(p => p.ToewijzingNummer))
            .ToHashSet();
        var missing = VowAllocations.Current(vow, before).Keys.Count(n => !listed.Contains(n));
        if (missing > 0)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Client").Child("Verzoek"),
                $"Verzoek does not list {missing} current allocation(s) of the client as OngewijzigdProduct or TeWijzigenProduct (TR349).");
        }
    }
}
