namespace Backoffice.Core.Register;

/// <summary>
/// The current state of allocations, derived from their recorded versions: per ToewijzingNummer in a
/// municipality (TR332) the version with the latest Toewijzingsdatum + Toewijzingstijd (IV013), not
/// the one recorded last, since arrival order means nothing (OP080); a number whose latest version
/// is a deletion (<see cref="RecordedAllocation.Deleted"/>) is not current (OP087).
/// </summary>
public static class AllocationState
{
    /// <summary>
    /// The current version of each allocation in <paramref name="versions"/>, ordered by municipality
    /// and number; with <paramref name="onOrAfter"/> only those still valid on or after that day (an
    /// open end, or an Einddatum not before it). Versions with the same date and time are one version
    /// resent (IV013); of those the one recorded last counts.
    /// </summary>
    public static IReadOnlyList<RecordedAllocation> Current(IEnumerable<RecordedAllocation> versions, DateOnly? onOrAfter = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return
        [
            .. versions
                .GroupBy(v => (v.Municipality, v.Version.ToewijzingNummer))
                .Select(g => g.MaxBy(v => (v.Version.Toewijzingsdatum, v.Version.Toewijzingstijd, v.Id))!)
                .Where(v => !v.Deleted && (onOrAfter is not { } day || v.Version.Einddatum is not { } end || end >= day))
                .OrderBy(v => v.Municipality, StringComparer.Ordinal)
                .ThenBy(v => v.Version.ToewijzingNummer),
        ];
    }
}
