namespace Backoffice.Data.Intake;

/// <summary>Where and when a delivery of bytes came in: the channel (e.g. <c>inbox</c>), the file name as delivered, the UTC receipt time.</summary>
public sealed record IntakeSource(string Channel, string OriginalName, DateTimeOffset ReceivedAt);

/// <summary>
/// The durable answer to a delivery: the message the bytes are stored as. <see cref="IsDuplicate"/>
/// is true when the same bytes were already stored; then <see cref="MessageId"/> is that message.
/// </summary>
public sealed record IntakeReceipt(long MessageId, string Sha256, long SizeBytes, bool IsDuplicate);
