using Backoffice.Core.Messages;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Tests.Register;

/// <summary>
/// An in-memory register that takes messages one at a time the way the processing does: the level-3
/// and level-4 rules against the register as it was, and for an accepted message the changes its
/// recorder makes, applied in recording order. Only what the 301 and its rules need is kept.
/// </summary>
internal sealed class RegisterSimulation(DateOnly processingDate, IEnumerable<RecordedRequest>? requests = null)
{
    private readonly List<RecordedAllocation> allocations = [];
    private readonly List<RecordedRequest> requests = [.. requests ?? []];
    private readonly HashSet<(string Sender, string Type, string Identificatie)> identifications = [];
    private long lastId;

    public IReadOnlyList<RecordedAllocation> Allocations => allocations;

    public IReadOnlyList<RecordedRequest> Requests => requests;

    /// <summary>
    /// Checks <paramref name="message"/> and records it unless a finding refuses it (every finding, or
    /// those <paramref name="refuses"/> picks); returns all findings.
    /// </summary>
    public IReadOnlyList<Finding> Offer(IwmoMessage message, Func<Finding, bool>? refuses = null)
    {
        var header = message.Header;
        var identification = (header.Afzender, message.Type.Name, header.BerichtIdentificatie.Identificatie);
        var view = RegisterView.Empty(processingDate) with
        {
            IdentificationUsed = identifications.Contains(identification),
            Allocations = [.. allocations],
            Requests = [.. requests],
        };
        var findings = RegisterRuleSet.Standard.Check(message, view);
        if (findings.Any(refuses ?? (_ => true)))
        {
            return findings;
        }

        identifications.Add(identification);
        var messageId = ++lastId;
        foreach (var change in RegisterRecorderSet.Standard.Changes(message, view))
        {
            switch (change)
            {
                case AllocationRecorded a:
                    allocations.Add(new RecordedAllocation(++lastId, messageId, a.Municipality, a.Provider, a.Bsn, a.Version, a.Backing, a.Indication?.Number));
                    break;
                case RequestAnswered r:
                    var i = requests.FindIndex(q => q.Provider == r.Provider && q.ReferentieAanbieder == r.ReferentieAanbieder);
                    requests[i] = requests[i] with { State = r.State };
                    break;
                default:
                    throw new InvalidOperationException($"The simulation does not apply {change.GetType().Name}.");
            }
        }

        return findings;
    }
}
