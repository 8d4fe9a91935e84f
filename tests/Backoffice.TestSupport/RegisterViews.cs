using Backoffice.Core.Register;

namespace Backoffice.TestSupport;

/// <summary>
/// Folds the changes of an accepted message into a <see cref="RegisterView"/>, the way the data
/// layer records them and loads them for the next message, so a test can run a sequence of messages
/// without a database. Ids continue from the highest in the view, in the order of the changes.
/// A retour of the provider (<see cref="RetourRecorded"/>) has no place in the view and is skipped.
/// </summary>
public static class RegisterViews
{
    public static RegisterView Append(this RegisterView view, IEnumerable<RegisterChange> changes, long messageId)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(changes);
        var id = new[] { 0L }
            .Concat(view.Allocations.Select(a => a.Id))
            .Concat(view.Starts.Select(s => s.Id))
            .Concat(view.Stops.Select(s => s.Id))
            .Concat(view.Requests.Select(r => r.Id))
            .Max();
        foreach (var change in changes)
        {
            id++;
            view = change switch
            {
                AllocationRecorded a => view with
                {
                    Allocations = [.. view.Allocations, new RecordedAllocation(id, messageId, a.Municipality, a.Provider, a.Bsn, a.Version, a.Backing, a.Indication?.Number)],
                },
                StartRecorded s => view with { Starts = [.. view.Starts, new RecordedStart(id, messageId, s.Bsn, s.Line)] },
                StopRecorded s => view with { Stops = [.. view.Stops, new RecordedStop(id, messageId, s.Bsn, s.Line)] },
                RequestOpened r => view with
                {
                    Requests =
                    [
                        .. view.Requests,
                        new RecordedRequest(id, messageId, r.Kind, r.Municipality, r.Provider, r.Bsn, r.ReferentieAanbieder, r.RequestDate, view.ProcessingDate, RequestState.Open, null),
                    ],
                },
                RequestAnswered r => view with
                {
                    Requests =
                    [
                        .. view.Requests.Select(q => q.Provider == r.Provider && q.ReferentieAanbieder == r.ReferentieAanbieder
                            ? q with { State = r.State, InOnderzoekOn = r.State == RequestState.InOnderzoek ? view.ProcessingDate : q.InOnderzoekOn }
                            : q),
                    ],
                },
                RetourRecorded => view,
                _ => throw new NotSupportedException($"{change.GetType().Name} is not folded into a view yet."),
            };
        }

        return view;
    }
}
