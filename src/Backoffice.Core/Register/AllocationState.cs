namespace Backoffice.Core.Register;

/// <summary>Where allocations stand, derived from their recorded versions (pure, no I/O).</summary>
public static class AllocationState
{
    /// <summary>
    /// The current version of each allocation in <paramref name="versions"/>: per ToewijzingNummer the
    /// version with the latest Toewijzingsdatum + Toewijzingstijd (IV013; the later recording wins a
    /// tie), left out when that version is deleted (OP087). With <paramref name="onOrAfter"/>, only
    /// allocations still valid on or after that day (Einddatum empty or not before it, TR349). In
    /// ToewijzingNummer order.
    /// </summary>
    public static IReadOnlyList<RecordedAllocation> Current(IEnumerable<RecordedAllocation> versions, DateOnly? onOrAfter = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return
        [
            .. versions
                .GroupBy(v => v.Version.ToewijzingNummer)
                .Select(g => g.MaxBy(v => (v.Version.Toewijzingsdatum.ToDateTime(v.Version.Toewijzingstijd), v.Id))!)
                .Where(v => !v.Deleted && (onOrAfter is not { } day || v.Version.Einddatum is not { } end || end >= day))
                .OrderBy(v => v.Version.ToewijzingNummer),
        ];
    }
}
