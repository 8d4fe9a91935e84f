using System.Diagnostics.CodeAnalysis;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>Why a document could not be read as an iWmo 3.2 message.</summary>
public enum ReadFailureKind
{
    /// <summary>Not XML, not well-formed, or it holds a DTD (which is refused).</summary>
    NotWellFormed,

    /// <summary>The root is not a <c>Bericht</c> in a namespace of any iStandaard we know.</summary>
    UnknownNamespace,

    /// <summary>An iJw (youth) message: same shape, different standard and codes.</summary>
    OtherStandard,

    /// <summary>An iWmo namespace of another release, or BerichtVersie/BerichtSubversie other than 3.2.</summary>
    OtherRelease,

    /// <summary>Header/BerichtCode does not belong to the message namespace.</summary>
    BerichtCodeMismatch,

    /// <summary>Classified, but a required element is missing or a value has the wrong format.</summary>
    Malformed,
}

/// <summary>
/// The reason is meant for staff and logs: it names elements and codes, never values that could
/// be personal data (BSN, names, addresses).
/// </summary>
public sealed record ReadFailure(ReadFailureKind Kind, string Reason, MessageType? Type = null)
{
    public override string ToString() => Type is null ? $"{Kind}: {Reason}" : $"{Kind} ({Type}): {Reason}";
}

/// <summary>Outcome of <see cref="IwmoReader"/>: either the message or the failure, never both.</summary>
public sealed record ReadResult
{
    private ReadResult(IwmoMessage? message, ReadFailure? failure)
    {
        Message = message;
        Failure = failure;
    }

    public IwmoMessage? Message { get; }

    public ReadFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Message is not null;

    public static ReadResult Success(IwmoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message, null);
    }

    public static ReadResult Fail(ReadFailureKind kind, string reason, MessageType? type = null) =>
        new(null, new ReadFailure(kind, reason, type));

    public override string ToString() => Succeeded ? $"Success: {Message.Type}" : $"Failure: {Failure}";
}
