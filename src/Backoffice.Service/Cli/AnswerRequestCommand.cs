using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Schemas;
using Backoffice.Data.Audit;
using Backoffice.Data.Intake;
using Backoffice.Data.Migrations;
using Backoffice.Data.Register;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Logging;
using Backoffice.Service.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice answer-request PROVIDER REFERENCE --answer afgewezen --reason CODE | --answer in-onderzoek</c>:
/// staff answer an open request (VOT or VOW, as <c>backoffice queue</c> lists it) without an allocation.
/// The backoffice builds the WMO319, stores it as a message of its own and puts it through the one
/// processing path: checked at levels 1 to 4 (a second answer after "afgewezen", an unknown reference
/// or a missing reason is refused and listed for staff, never sent), recorded in the register (the
/// request's task closes, or after "in onderzoek" the final answer's task opens), and written to the
/// outbox for the GGk upload. A request answered by an allocation needs no command: the front
/// office's 301 carrying the ReferentieAanbieder closes it.
/// </summary>
internal static class AnswerRequestCommand
{
    /// <summary>The intake channel of the 319s this command makes (message_delivery.channel).</summary>
    public const string Channel = "answer-request";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var provider = new Argument<string>("PROVIDER") { Description = "AGB code of the provider whose request is answered." };
        var reference = new Argument<string>("REFERENCE") { Description = "The request's ReferentieAanbieder (backoffice queue shows it)." };
        var answer = new Option<string>("--answer")
        {
            Description = "afgewezen: turn the request down (closes it; needs --reason); in-onderzoek: the final answer (a 301 or a 319 afgewezen) follows within 8 weeks of the request's date.",
            Required = true,
        };
        answer.AcceptOnlyFromAmong("afgewezen", "in-onderzoek");
        var reason = new Option<string?>("--reason")
        {
            Description = "With afgewezen, the reason (WJ759): " + string.Join("; ", RequestAnswer.Reasons.Select(r => $"{r.Key} {r.Value}")) + ".",
            HelpName = "CODE",
        };
        reason.AcceptOnlyFromAmong([.. RequestAnswer.Reasons.Keys]);
        var data = CommonOptions.Data();
        var outbox = CommonOptions.Outbox();
        var processingDate = CommonOptions.ProcessingDate();
        var format = CommonOptions.Format();
        var schemas = CommonOptions.Schemas();
        var config = CommonOptions.Config();
        var actor = CommonOptions.Actor();
        var why = CommonOptions.Why();
        var command = new Command("answer-request", "Answer a provider's open request (VOT/VOW) with a WMO319 built, checked and sent by the backoffice.")
        {
            provider, reference, answer, reason, data, outbox, processingDate, format, schemas, config, actor, why,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (CommonOptions.Person(parse, actor, why, "answer-request", stderr) is not { } by)
            {
                return ExitCodes.Usage;
            }

            var settings = new HostSettings(
                CommonOptions.Overrides(
                    ("Data:Directory", parse.GetValue(data)),
                    ("Inbox:Outbox", parse.GetValue(outbox)),
                    ("Schemas:Directory", parse.GetValue(schemas))),
                parse.GetValue(config),
                parse.GetValue(processingDate),
                ConsoleToStandardError: true);
            var decision = parse.GetValue(answer) == "afgewezen" ? RequestDecision.Afgewezen : RequestDecision.InOnderzoek;
            if ((decision == RequestDecision.Afgewezen) != (parse.GetValue(reason) is not null))
            {
                await stderr.WriteLineAsync(decision == RequestDecision.Afgewezen
                    ? "backoffice answer-request: --answer afgewezen needs --reason with a WJ759 code (CD085); nothing was made."
                    : "backoffice answer-request: --answer in-onderzoek takes no --reason (CD086); nothing was made.");
                return ExitCodes.Usage;
            }

            return await RunAsync(settings, parse.GetValue(provider)!, parse.GetValue(reference)!, decision, parse.GetValue(reason), by, parse.GetValue(format) == "json", stdout, stderr, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        HostSettings settings, string provider, string reference, RequestDecision decision, string? reason, AuditActor by, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        IHost? host = null;
        try
        {
            BatchRun run;
            long messageId;
            try
            {
                host = BackofficeHost.BuildMigrated(settings);
                var services = host.Services;

                var request = await services.GetRequiredService<RegisterStore>().FindRequestAsync(provider, reference, ct);
                if (request is null)
                {
                    await stderr.WriteLineAsync($"backoffice answer-request: provider {provider} sent no request with ReferentieAanbieder {reference} (backoffice queue lists the open ones); nothing was made.");
                    return ExitCodes.Usage;
                }

                var time = services.GetRequiredService<TimeProvider>();
                var now = time.GetUtcNow();
                var identity = AnswerIdentity.Create(Identificatie(now), DateOnly.FromDateTime(now.UtcDateTime));
                var message = RequestAnswer.For(request, decision, reason, identity, services.GetRequiredService<MessageCheck>().Schemas);
                var bytes = IwmoWriter.ToBytes(message);
                var name = MessageCheck.FileName(message.Type, identity);
                using (var content = new MemoryStream(bytes, writable: false))
                {
                    // The person's decision is in the audit trail with the 319 it made, in the same transaction.
                    var decided = decision == RequestDecision.Afgewezen ? $"afgewezen, reason {reason}" : "in onderzoek";
                    var receipt = await services.GetRequiredService<MessageIntakeStore>().ReceiveAsync(
                        content,
                        new IntakeSource(Channel, name, now),
                        ct,
                        humanAction: id => new AuditEvent(
                            AuditActions.RequestAnswered,
                            by.Name,
                            by.Origin,
                            id,
                            AuditTrail.RequestSubject(provider, reference),
                            string.Create(CultureInfo.InvariantCulture, $"Staff answered the {(request.Kind == RequestKind.Vot ? "VOT" : "VOW")} with a WMO319 ({decided}), identification {identity.Identificatie}, stored as message {id}; it is checked at levels 1 to 4 before it may leave."),
                            by.Why,
                            now));
                    messageId = receipt.MessageId;
                }

                // Stored: from here a crash leaves a pending message that the next batch finishes.
                var wait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ProcessingOptions>>().Value.BatchWaitSeconds);
                run = await services.GetRequiredService<InboxBatch>().ProcessStoredAsync(messageId, name, wait, ct);
            }
            catch (Exception ex) when (ex is SchemaCatalogueException or OptionsValidationException or DatabaseMigrationException)
            {
                await stderr.WriteLineAsync($"backoffice answer-request: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"backoffice answer-request: stopped ({Redaction.Describe(ex)}); if the 319 was stored, the next process run finishes it.");
                return ExitCodes.Usage;
            }

            if (!run.Ran)
            {
                // Not "nothing was done": the 319 is stored, and the next batch checks and sends it.
                await stderr.WriteLineAsync($"backoffice answer-request: the 319 is stored as message {messageId}, but another run holds the database; the next process run (or the service's next scan) checks it and sends it if it passes.");
                return ExitCodes.Findings;
            }

            ProcessCommand.Report(run, json, stdout, stderr);
            return run.Results.All(r => r.Outcome == InputOutcomes.Accepted) ? ExitCodes.Ok : ExitCodes.Findings;
        }
        finally
        {
            ProcessCommand.Dispose(host, stderr);
        }
    }

    /// <summary>
    /// The 319's BerichtIdentificatie: "A" and the creation moment in milliseconds as 11 hex digits,
    /// so 12 characters (LDT_IdentificatieBericht) and unique per sender for the message type (TR056)
    /// as long as two are not made in the same millisecond; TR056 refuses one that would repeat.
    /// </summary>
    private static string Identificatie(DateTimeOffset now) =>
        "A" + now.ToUnixTimeMilliseconds().ToString("x11", CultureInfo.InvariantCulture);
}
