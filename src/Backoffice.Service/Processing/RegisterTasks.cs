using System.Globalization;
using Backoffice.Core.Calendar;
using Backoffice.Core.Register;
using Backoffice.Data;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;

namespace Backoffice.Service.Processing;

/// <summary>
/// The staff work an accepted message's register changes open and settle: a request to answer
/// within its term, an allocation without an indication behind it, a class of ours the provider
/// rejected. Texts name message ids, providers' AGB codes and references, never a BSN or a name.
/// </summary>
public static class RegisterTasks
{
    /// <summary>How many allocation numbers a task text lists before it says how many more there are.</summary>
    private const int MaxListed = 50;

    public static string RequestKey(string provider, string reference) => $"request:{provider}:{reference}";

    public static string FinalAnswerKey(string provider, string reference) => $"request-final:{provider}:{reference}";

    public static (IReadOnlyList<StaffTask> Open, IReadOnlyList<string> Close) For(
        long messageId, DateOnly receivedOn, RegisterView? before, IReadOnlyList<RegisterChange> changes, WorkingDays workingDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(workingDays);
        var open = new List<StaffTask>();
        var close = new List<string>();
        foreach (var change in changes)
        {
            switch (change)
            {
                case RequestOpened r:
                    open.Add(new StaffTask(
                        RequestKey(r.Provider, r.ReferentieAanbieder),
                        StaffTaskKinds.AnswerRequest,
                        messageId,
                        $"Answer the {(r.Kind == RequestKind.Vot ? "VOT line" : "VOW")} {r.ReferentieAanbieder} of provider {r.Provider} (message {messageId}) with a 301 or a 319",
                        $"OP274/OP346: within {RegisterStore.RequestWorkingDays} working days of receipt a 301 carrying the reference, or a 319 (afgewezen, or in onderzoek once; then the final answer within {RegisterStore.InOnderzoekWeeks} weeks of the request's date). Municipality {r.Municipality}.",
                        now,
                        workingDays.AddWorkingDays(receivedOn, RegisterStore.RequestWorkingDays)));
                    break;
                case RequestAnswered a when a.State == RequestState.InOnderzoek:
                    close.Add(RequestKey(a.Provider, a.ReferentieAanbieder));
                    var request = before?.Requests.FirstOrDefault(q => q.Provider == a.Provider && q.ReferentieAanbieder == a.ReferentieAanbieder);
                    if (request is not null)
                    {
                        open.Add(new StaffTask(
                            FinalAnswerKey(a.Provider, a.ReferentieAanbieder),
                            StaffTaskKinds.AnswerRequest,
                            messageId,
                            $"Final answer due on request {a.ReferentieAanbieder} of provider {a.Provider}: it is in onderzoek (message {messageId})",
                            $"After a 319 \"in onderzoek\" a 301 or a 319 \"afgewezen\" must follow within {RegisterStore.InOnderzoekWeeks} weeks of the request's date.",
                            now,
                            RegisterStore.FinalAnswerDue(request.RequestDate)));
                    }

                    break;
                case RequestAnswered a:
                    close.Add(RequestKey(a.Provider, a.ReferentieAanbieder));
                    close.Add(FinalAnswerKey(a.Provider, a.ReferentieAanbieder));
                    break;
                case AllocationRecorded a when a.Backing != IndicationBacking.Backed:
                    open.Add(new StaffTask(
                        string.Create(CultureInfo.InvariantCulture, $"unbacked:{a.Municipality}:{a.Version.ToewijzingNummer}:{StoredDates.Day(a.Version.Toewijzingsdatum)}T{RegisterStore.Time(a.Version.Toewijzingstijd)}"),
                        StaffTaskKinds.UnbackedAllocation,
                        messageId,
                        string.Create(CultureInfo.InvariantCulture, $"Allocation {a.Version.ToewijzingNummer} of municipality {a.Municipality} (message {messageId}) {(a.Backing == IndicationBacking.OutsidePeriod ? "lies outside its indication's period" : "has no indication behind it")}"),
                        a.Backing == IndicationBacking.OutsidePeriod
                            ? $"The indication {a.Indication?.Number} for this client and product does not cover the allocation's period. Import the indication the allocation rests on, or correct the allocation."
                            : "No active indication of this municipality for this client and product (or category) was found. Import it (backoffice import indications FILE), or withdraw the allocation.",
                        now,
                        null));
                    break;
                case DeclarationRecorded d when d.WithoutStart.Count > 0:
                    open.Add(new StaffTask(
                        $"without-start:{messageId}",
                        StaffTaskKinds.DeclaredWithoutStart,
                        messageId,
                        string.Create(CultureInfo.InvariantCulture, $"Declaration {d.Declaratie.DeclaratieNummer} of provider {d.Provider} (message {messageId}) was paid on {d.WithoutStart.Count} allocation(s) of municipality {d.Municipality} without a start message"),
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Regional rule start-message=signal ({d.RuleSet}). The lines were judged by the national rules and paid: OP364 forbids refusing them for a missing start. The provider must send a 305 within 5 working days of starting the care; follow it up with the provider. Allocations (lines): {string.Join(", ", d.WithoutStart.Take(MaxListed).Select(w => $"{w.ToewijzingNummer} ({w.Lines})"))}{(d.WithoutStart.Count > MaxListed ? $" and {d.WithoutStart.Count - MaxListed} more" : string.Empty)}."),
                        now,
                        null));
                    break;
                case RetourRecorded { AnswersSentMessage: false } r:
                    open.Add(new StaffTask(
                        $"unmatched-retour:{messageId}",
                        StaffTaskKinds.UnmatchedRetour,
                        messageId,
                        $"A retour (message {messageId}) answers a {r.AnswersType} {r.Identificatie} that this backoffice never sent",
                        "No accepted message of ours carries that identification: the provider may answer another municipality's message, or a message sent outside this backoffice. Check with the provider; nothing is recorded against any allocation or request."
                            + (r.Rejections.Count > 0 ? " Its codes: " + string.Join("; ", r.Rejections.Select(j => $"{j.Subject} at {j.Path}: {string.Join(' ', j.Retourcodes)}")) : string.Empty),
                        now,
                        null));
                    break;
                case RetourRecorded r when r.Rejections.Count > 0:
                    open.Add(new StaffTask(
                        $"provider-rejected:{messageId}",
                        StaffTaskKinds.ProviderRejected,
                        messageId,
                        $"The provider rejected parts of our {r.AnswersType} {r.Identificatie} (its retour is message {messageId})",
                        string.Join("; ", r.Rejections.Select(j => $"{j.Subject} at {j.Path}: {string.Join(' ', j.Retourcodes)}")),
                        now,
                        null));
                    break;
            }
        }

        return (open, close);
    }
}
