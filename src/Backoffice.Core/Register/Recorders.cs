using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register;

/// <summary>The register recorders of iWmo 3.2, one per message type that changes the register.</summary>
public sealed class Recorders
{
    private readonly Dictionary<MessageType, IRegisterRecorder> byType;

    public Recorders(IEnumerable<IRegisterRecorder> recorders)
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

    // Found by the interface, not by a namespace: a namespace Backoffice.Core.Register.Recorders
    // cannot exist beside this class (CS0101), so the recorders in Register/Recorders/ are in
    // Backoffice.Core.Register.
    public static Recorders Standard { get; } = new(
        typeof(Recorders).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IRegisterRecorder).IsAssignableFrom(t))
            .Select(t => (IRegisterRecorder)Activator.CreateInstance(t, nonPublic: true)!));

    /// <summary>The changes an accepted <paramref name="message"/> makes; none for a type that changes nothing.</summary>
    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        ArgumentNullException.ThrowIfNull(message);
        return byType.TryGetValue(message.Type, out var recorder) ? recorder.Changes(message, before) : [];
    }
}
