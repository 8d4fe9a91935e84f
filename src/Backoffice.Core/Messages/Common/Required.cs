namespace Backoffice.Core.Messages.Common;

/// <summary>
/// Construction guards for the XSD's "one or more": a record whose list the XSD requires (a
/// wrapper such as <c>StartProducten</c>, or a class's <c>RetourCodes</c>) cannot be built empty,
/// so no answer reaches the writer in a state it could only write wrongly (an empty element, or
/// silently nothing). The records call these from their constructor and their <c>init</c>, so a
/// <c>with</c> cannot bring the state back. Messages name the element, never a value.
/// </summary>
internal static class Required
{
    /// <summary>A required wrapper's items (1..n), e.g. <c>Client</c> / <c>StartProducten</c>.</summary>
    public static EquatableArray<T> AtLeastOne<T>(EquatableArray<T> items, string owner, string property) =>
        items.IsEmpty
            ? throw Empty($"{owner}/{property} needs at least one item: the XSD requires one or more, and an empty list cannot be written.", property)
            : items;

    /// <summary>The RetourCodes of a class sent back in a retour, or of the 325 header (1..1 with 1..n codes).</summary>
    public static EquatableArray<string> RetourCodes(EquatableArray<string> codes, string owner) =>
        codes.IsEmpty
            ? throw Empty($"{owner}/RetourCodes needs at least one RetourCode: every class sent back carries its verdict (IV028), and the XSD requires one or more.", "RetourCodes")
            : codes;

    /// <summary>
    /// The optional RetourCodes of a retour header (302 ... 320): absent (null) means fully accepted;
    /// present means at least one code. An empty list would be written as nothing, turning a
    /// rejection into "fully accepted", so it cannot be built.
    /// </summary>
    public static EquatableArray<string>? OptionalRetourCodes(EquatableArray<string>? codes) =>
        codes is { IsEmpty: true }
            ? throw Empty("Header/RetourCodes, when present, needs at least one RetourCode; use null (no RetourCodes) for a fully accepted message.", "RetourCodes")
            : codes;

    private static ArgumentException Empty(string message, string property) => new(message, property);
}
