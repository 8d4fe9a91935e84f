using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// OP087: a 301 holds, for one client and one provider, every allocation valid on or after the day
/// the message is made, plus every allocation changed since the previous 301. Deleted ones
/// (Einddatum = Ingangsdatum with RedenWijziging 13 or 01) are not current. An allocation the
/// register holds as current and valid on or after the Dagtekening that the 301 leaves out is a
/// finding, one per allocation, on the Client. The register is taken as it stood before the
/// Dagtekening, from the versions decided on an earlier day (Toewijzingsdatum): a 301 cannot hold what
/// was decided after it was made (a later version recorded first, OP080), and on its own day the
/// order is unknown. The rule does need the register complete up to that day, which it is for the
/// 301s we send, in the order we make them; a 301 recorded after one made later may rightly leave out
/// an allocation that a version not yet recorded ended, and is then refused for staff to judge. The
/// second half (allocations changed since the previous 301) needs no check of its own here: every
/// recorded version was itself sent in a 301.
/// <para>
/// OP087 is a bedrijfsregel without a retourcode; our own 301 that breaks it is refused for staff
/// and never sent. It carries 9349 ("Het VOW bericht bevat niet alle actuele toegewezen producten van
/// de cliënt", TR349), the rule base's code for the same demand on a VOW: all current allocations.
/// </para>
/// </summary>
internal sealed class OP087 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "OP087",
        "9349",
        "Een toewijzingsbericht bevat voor 1 client altijd alle toewijzingen voor 1 aanbieder die op of na de aanmaakdatum van het bericht geldig zijn plus alle toewijzingen die gewijzigd zijn ten opzichte van het voorgaande toewijzingsbericht.",
        new RuleScope(MessageType.Wmo301, "Client"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        var dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
        var sent = client.ToegewezenProducten.Select(p => p.ToewijzingNummer).ToHashSet();
        var earlier = Wmo301Register.OfClient(m, before).Where(a => a.Version.Toewijzingsdatum < dagtekening);
        var missing = AllocationState.Current(earlier, dagtekening).Count(a => !sent.Contains(a.Version.ToewijzingNummer));
        for (var n = 0; n < missing; n++)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Client"),
                "ToegewezenProducten lacks an allocation of the client at this provider that is current on or after the Dagtekening (OP087).");
        }
    }
}
