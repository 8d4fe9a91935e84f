namespace Backoffice.Core.Messages.Common;

/// <summary>
/// The Client's own elements in the 305, 307 and 315 (with CDT_VerkorteNaam), before its
/// collections; their retours 306, 308 and 316 send them back unchanged (IV028).
/// </summary>
public sealed record VerkorteClientGegevens(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VerkorteNaam Naam);
