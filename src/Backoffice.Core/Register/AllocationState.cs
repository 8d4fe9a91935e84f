namespace Backoffice.Core.Register;

/// <summary>The register's allocations as they stand, derived from their recorded versions (pure).</summary>
public static class AllocationState
{
    /// <summary>
    /// The current version of each allocation: per ToewijzingNummer the one with the latest
    /// Toewijzingsdatum + Toewijzingstijd (IV013; the later recording breaks a tie, a resend carries
    /// the same moment). A deleted allocation (Einddatum = Ingangsdatum, RedenWijziging 13 or 01)
    /// counts as never sent and is left out (OP087, CS335). With <paramref name="onOrAfter"/>, only
    /// those still valid on or after that day (Einddatum open or not before it).
    /// </summary>
    public static IReadOnlyList<RecordedAllocation> Current(IEnumerable<RecordedAllocation> versions, DateOnly? onOrAfter = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return
        [
            .. versions
                .GroupBy(a => a.Version.ToewijzingNummer)
                .Select(g => g.MaxBy(a => (a.Version.Toewijzingsdatum, a.Version.Toewijzingstijd, a.Id))!)
                .Where(a => !a.Deleted && (onOrAfter is not { } day || a.Version.Einddatum is not { } end || end >= day))
                .OrderBy(a => a.Version.ToewijzingNummer),
        ];
    }
}
