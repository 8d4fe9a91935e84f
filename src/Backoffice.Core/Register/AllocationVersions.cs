using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Register;

/// <summary>
/// How two versions of one allocation relate (IV013): a version is named by its ToewijzingNummer,
/// Toewijzingsdatum and Toewijzingstijd, the moment the municipality decided it. A resend keeps
/// those; any change gets a new moment. A resend may differ in ReferentieAanbieder alone: it is
/// filled only when the version goes out as the answer to a request and left empty otherwise, even
/// on a version that carried it before (IV093, IV097).
/// </summary>
internal static class AllocationVersions
{
    /// <summary>The same version: the same number decided at the same moment.</summary>
    public static bool SameVersion(ToegewezenProduct a, ToegewezenProduct b) =>
        a.ToewijzingNummer == b.ToewijzingNummer && a.Toewijzingsdatum == b.Toewijzingsdatum && a.Toewijzingstijd == b.Toewijzingstijd;

    /// <summary>The same version with the same content, ReferentieAanbieder left out.</summary>
    public static bool SameContent(ToegewezenProduct a, ToegewezenProduct b) =>
        a with { ReferentieAanbieder = null } == b with { ReferentieAanbieder = null };

    /// <summary>True when <paramref name="a"/> was decided before <paramref name="b"/> (IV013).</summary>
    public static bool DecidedBefore(ToegewezenProduct a, ToegewezenProduct b) =>
        (a.Toewijzingsdatum, a.Toewijzingstijd).CompareTo((b.Toewijzingsdatum, b.Toewijzingstijd)) < 0;

    /// <summary>
    /// Of the <paramref name="recorded"/> versions of the same number, the one decided last before
    /// <paramref name="version"/>, or, when <paramref name="version"/> is older than all of them (an
    /// out-of-order arrival, OP080), the one decided first after it: the version it is a change of.
    /// Versions with the same moment are left out (they are the same version, IV013).
    /// </summary>
    public static RecordedAllocation? Neighbour(IEnumerable<RecordedAllocation> recorded, ToegewezenProduct version)
    {
        RecordedAllocation? before = null;
        RecordedAllocation? after = null;
        foreach (var r in recorded)
        {
            if (r.Version.ToewijzingNummer != version.ToewijzingNummer || SameVersion(r.Version, version))
            {
                continue;
            }

            if (DecidedBefore(r.Version, version))
            {
                before = before is null || DecidedBefore(before.Version, r.Version) ? r : before;
            }
            else
            {
                after = after is null || DecidedBefore(r.Version, after.Version) ? r : after;
            }
        }

        return before ?? after;
    }
}
