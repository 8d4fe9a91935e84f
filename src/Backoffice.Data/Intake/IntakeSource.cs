namespace Backoffice.Data.Intake;

/// <summary>
/// Where and when a delivery of bytes came in: the channel (e.g. <c>inbox</c>), the file name as
/// delivered, the UTC receipt time and, for files, the identity of the delivered file
/// (<see cref="FileKey"/>), so that seeing the same file again is the same delivery.
/// </summary>
public sealed record IntakeSource(string Channel, string OriginalName, DateTimeOffset ReceivedAt, string? FileKey = null);

/// <summary>
/// The durable answer to a delivery: the message the bytes are stored as and the delivery row.
/// <see cref="IsDuplicate"/> is true when the same bytes were already stored under an earlier
/// delivery; then <see cref="MessageId"/> is that message.
/// </summary>
public sealed record IntakeReceipt(long MessageId, long DeliveryId, string Sha256, long SizeBytes, bool IsDuplicate);

/// <summary>A delivery recorded earlier, found again by its file's identity.</summary>
public sealed record KnownDelivery(long MessageId, long DeliveryId, string Sha256, long SizeBytes, bool IsDuplicate);
