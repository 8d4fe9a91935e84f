using System.Text;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>
/// One iWmo 3.2 message (iwmo-3.2.md §3). Each of the 14 message records derives from
/// <see cref="IwmoMessage{THeader}"/> with the header shape of its kind; this base gives the
/// shared view that routing and logging need.
/// </summary>
public abstract record IwmoMessage
{
    public abstract MessageType Type { get; }

    /// <summary>The fields every header shares; the typed header is on the message record itself.</summary>
    public MessageHeader Header => HeaderCore;

    protected abstract MessageHeader HeaderCore { get; }

    // The typed Header of the derived record is printed there; printing it here too would show it twice.
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Type = ").Append(Type);
        return true;
    }
}

/// <summary>Ties a message record to its header shape: <see cref="Common.Header"/>, <see cref="RetourHeader"/> or <see cref="DeclaratieAntwoordHeader"/>.</summary>
public abstract record IwmoMessage<THeader>(THeader Header) : IwmoMessage
    where THeader : MessageHeader
{
    public new THeader Header { get; init; } = Header;

    protected sealed override MessageHeader HeaderCore => Header;
}
