using Backoffice.Core.Messages;
using Backoffice.Core.Rules;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register;

/// <summary>The register recorders of iWmo 3.2, one per message type that changes the register.</summary>
public sealed class RegisterRecorderSet
{
    private readonly Dictionary<MessageType, IRegisterRecorder> byType;

    public RegisterRecorderSet(IEnumerable<IRegisterRecorder> recorders)
    {
        ArgumentNullException.ThrowIfNull(recorders);
        byType = [];
        foreach (var recorder in recorders)
        {
            if (!byType.TryAdd(recorder.Type, recorder))
            {
                throw new ArgumentException($"{recorder.Type} has more than one register recorder.", nameof(recorders));
            }
        }
    }

    public static RegisterRecorderSet Standard { get; } = new(Discovery.In<IRegisterRecorder>(typeof(RegisterRecorderSet).Namespace + ".Recorders"));

    /// <summary>The changes an accepted <paramref name="message"/> makes; none for a type that changes nothing.</summary>
    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        ArgumentNullException.ThrowIfNull(message);
        return byType.TryGetValue(message.Type, out var recorder) ? recorder.Changes(message, before) : [];
    }
}
