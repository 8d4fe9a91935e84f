using Backoffice.Core.Messages;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Retours;

/// <summary>What checking one stored message found, and the answer it gets (if any).</summary>
/// <param name="Level1">The level-1 report (file rules, classification, XSD).</param>
/// <param name="Message">The typed message, when it passed level 1 and could be read.</param>
/// <param name="Level2">The level-2 findings, located in the raw XML; empty when level 2 did not run.</param>
/// <param name="CheckedLevel">The highest level the verdict covers.</param>
/// <param name="Answer">The answer to send, already written and checked against its own schema.</param>
/// <param name="Held">Set when the service cannot finish the message (a bug to look at): nothing may be sent.</param>
public sealed record CheckedMessage(
    ValidationReport Level1,
    IwmoMessage? Message,
    IReadOnlyList<Finding> Level2,
    int CheckedLevel,
    BuiltAnswer? Answer,
    string? Held)
{
    public IReadOnlyList<Finding> Findings => [.. Level1.Findings, .. Level2];

    public bool Rejected => !Level1.Valid || Level2.Count > 0;
}

/// <summary>An answer ready to leave: the record, its bytes, and the code it carries.</summary>
public sealed record BuiltAnswer(IwmoMessage Record, byte[] Content, string Retourcode, string FileName, AnswerIdentity Identity);

/// <summary>
/// The checks of one message in their order (iwmo-3.2.md §8.1): level 1 on the raw bytes, with the
/// typed message read in the same pass (and used only when level 1 passed), then the level-2 rules;
/// a provider message that fails level 2 gets its header-only 0001 answer, which is itself validated
/// against its schema and the level-2 rules (TR342 on a 325) before it may leave. Pure: the caller
/// supplies the bytes (once, and a second time to locate level-2 findings, as a fresh stream each
/// time) and stores what comes back.
/// </summary>
public sealed class MessageCheck(MessageValidator validator, RuleSet rules)
{
    public SchemaCatalogue Schemas => validator.Catalogue;

    /// <param name="open">Opens the stored bytes from the start; called once per pass.</param>
    /// <param name="scope">Inbound for what arrives; AnyDirection to check our own answers too.</param>
    /// <param name="answerIdentity">The identification to give an answer (unique, fixed per message); null: build none.</param>
    public async Task<CheckedMessage> CheckAsync(Func<CancellationToken, Task<Stream>> open, MessageScope scope, AnswerIdentity? answerIdentity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        ValidationReport level1;
        ReadResult? read;
        await using (var content = await open(cancellationToken))
        {
            level1 = validator.Validate(content, scope, IwmoReader.Read, out read);
        }

        if (!level1.Valid)
        {
            return new CheckedMessage(level1, null, [], 1, null, null);
        }

        if (read?.Message is not { } message)
        {
            // XSD-valid but not readable into its record: our reader is wrong, not the sender.
            return new CheckedMessage(level1, null, [], 1, null, $"The message passed level 1 but could not be read into its record ({read?.Failure}); it is held for a person to look at.");
        }

        // One classification: the validator's. The reader finds its record type from the same root
        // namespace; should the two ever disagree, that is our bug and the message is held.
        if (!string.Equals(message.Type.Name, level1.MessageType, StringComparison.Ordinal))
        {
            return new CheckedMessage(level1, null, [], 1, null, $"Level 1 classified the message as {level1.MessageType} but it was read as {message.Type}; it is held for a person to look at.");
        }

        var found = rules.Check(message);
        if (found.Count > 0)
        {
            await using var content = await open(cancellationToken);
            found = FindingLocator.Locate(content, found);
        }

        if (found.Count == 0 || answerIdentity is null || !Level2Answer.IsAnswered(message.Type))
        {
            return new CheckedMessage(level1, message, found, 2, null, null);
        }

        var answer = Level2Answer.For(message, answerIdentity, validator.Catalogue);
        var bytes = IwmoWriter.ToBytes(answer);
        using (var built = new MemoryStream(bytes, writable: false))
        {
            var own = validator.Validate(built, MessageScope.AnyDirection);
            var ownRules = own.Valid ? rules.Check(answer) : [];
            if (!own.Valid || ownRules.Count > 0)
            {
                var why = own.Valid ? $"{ownRules[0].Rule}: {ownRules[0].Message}" : own.Summary;
                return new CheckedMessage(level1, message, found, 2, null, $"The {answer.Type} built for this message does not pass its own checks ({why}); it is held and not sent.");
            }
        }

        return new CheckedMessage(level1, message, found, 2, new BuiltAnswer(answer, bytes, Level2Answer.Code, FileName(answer.Type, answerIdentity), answerIdentity), null);
    }

    /// <summary>The fixed outbox name of an answer: its type and identification, e.g. <c>WMO306-R00000000042.xml</c>.</summary>
    public static string FileName(MessageType type, AnswerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(identity);
        return $"{type.Name}-{identity.Identificatie}.xml";
    }

    /// <summary>The identification of the answer to stored message <paramref name="messageId"/>: fixed, so a retry builds the same answer.</summary>
    public static AnswerIdentity IdentityFor(long messageId, DateOnly processingDate) =>
        AnswerIdentity.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R{messageId:D11}"), processingDate);
}
