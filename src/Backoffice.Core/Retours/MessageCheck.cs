using Backoffice.Core.Declarations;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
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
    /// <summary>The level-3 and level-4 findings against the register, located; empty when those checks did not run.</summary>
    public IReadOnlyList<Finding> Level3 { get; init; } = [];

    /// <summary>The register as it was before the message, when the level-3/4 checks ran.</summary>
    public RegisterView? Register { get; init; }

    /// <summary>What the message changes in the register: only for a message that passed every check.</summary>
    public IReadOnlyList<RegisterChange> Changes { get; init; } = [];

    /// <summary>Why the message is refused without a retour although it is valid (a municipality we do not serve, a sender we do not know).</summary>
    public string? Refused { get; init; }

    /// <summary>For a 323: the verdict on every Prestatie (empty when its header or Declaratie was rejected, or for any other message).</summary>
    public IReadOnlyList<LineVerdict> Lines { get; init; } = [];

    /// <summary>For a 323: the findings that rejected single Prestaties, each only its own line (they do not reject the message).</summary>
    public IReadOnlyList<Finding> LineFindings { get; init; } = [];

    public IReadOnlyList<Finding> Findings => [.. Level1.Findings, .. Level2, .. Level3, .. LineFindings];

    /// <summary>The rule findings that refused a message that passed level 1: level 2's, or else levels 3 and 4's (those run only after level 2 passed).</summary>
    public IReadOnlyList<Finding> RuleFindings => Level2.Count > 0 ? Level2 : Level3;

    public bool Rejected => !Level1.Valid || Level2.Count > 0 || Level3.Count > 0 || Refused is not null;
}

/// <summary>An answer ready to leave: the record, its bytes, and the code it carries (null: one of our own messages sent on as it is).</summary>
public sealed record BuiltAnswer(IwmoMessage Record, byte[] Content, string? Retourcode, string FileName, AnswerIdentity Identity);

/// <summary>Loads what the register knew before a message, for its level-3 and level-4 checks.</summary>
public delegate Task<RegisterView> RegisterLoader(RegisterKey key, CancellationToken cancellationToken);

/// <summary>
/// The checks of one message in their order (iwmo-3.2.md §8.1): level 1 on the raw bytes, with the
/// typed message read in the same pass (and used only when level 1 passed), then the level-2 rules;
/// a provider message that fails level 2 gets its header-only 0001 answer, which is itself validated
/// against its schema and the level-2 rules (TR342 on a 325) before it may leave. Pure: the caller
/// supplies the bytes (once, and a second time to locate level-2 findings, as a fresh stream each
/// time) and stores what comes back.
/// </summary>
public sealed class MessageCheck(MessageValidator validator, RuleSet rules, RegisterRuleSet registerRules, RegisterRecorderSet recorders)
{
    private readonly IReadOnlyList<IPrestatieRule> prestatieRules = PrestatieWalk.Standard;

    /// <summary>Checks with the standard's level-3/4 rules and register recorders.</summary>
    public MessageCheck(MessageValidator validator, RuleSet rules)
        : this(validator, rules, RegisterRuleSet.Standard, RegisterRecorderSet.Standard)
    {
    }

    public SchemaCatalogue Schemas => validator.Catalogue;

    /// <param name="open">Opens the stored bytes from the start; called once per pass.</param>
    /// <param name="scope">Inbound for what arrives; AnyDirection to check our own answers too.</param>
    /// <param name="answerIdentity">The identification to give an answer (unique, fixed per message); null: build none.</param>
    /// <param name="register">Loads the register for the level-3/4 checks; null: stop after level 2 (as <c>validate</c> does).</param>
    public async Task<CheckedMessage> CheckAsync(
        Func<CancellationToken, Task<Stream>> open, MessageScope scope, AnswerIdentity? answerIdentity, CancellationToken cancellationToken, RegisterLoader? register = null)
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

        var found = await LocateAsync(open, rules.Check(message), cancellationToken);
        if (found.Count > 0)
        {
            if (answerIdentity is null || !Level2Answer.IsAnswered(message.Type))
            {
                return new CheckedMessage(level1, message, found, 2, null, null);
            }

            return Finish(new CheckedMessage(level1, message, found, 2, null, null), Level2Answer.For(message, answerIdentity, validator.Catalogue), Level2Answer.Code, answerIdentity);
        }

        if (register is null)
        {
            // Passed level 2; the cross-message checks are not run here (validate).
            return new CheckedMessage(level1, message, [], 2, null, null);
        }

        var view = await register(RegisterKey.For(message), cancellationToken);
        var refused = PartyCheck.Refusal(message, view.Parties);
        if (!IsRegisterChecked(message.Type))
        {
            return new CheckedMessage(level1, message, [], 2, null, null) { Register = view, Refused = refused };
        }

        if (message is Wmo323 declaration)
        {
            return await DeclarationAsync(level1, declaration, view, refused, open, answerIdentity, cancellationToken);
        }

        var passed = new CheckedMessage(level1, message, [], 4, null, null) { Register = view };
        if (refused is not null)
        {
            return passed with { Refused = refused };
        }

        var level3 = await LocateAsync(open, registerRules.Check(message, view), cancellationToken);
        var result = passed with { Level3 = level3, Changes = level3.Count == 0 ? recorders.Changes(message, view) : [] };
        if (answerIdentity is null)
        {
            return result;
        }

        if (RegisterAnswer.Answers(message.Type))
        {
            var answer = RegisterAnswer.For(message, level3, answerIdentity, validator.Catalogue);
            return Finish(result, answer, level3.Count == 0 ? null : string.Join(' ', level3.Select(f => f.Retourcode).Distinct(StringComparer.Ordinal)), answerIdentity);
        }

        if (message.Type.Direction == MessageDirection.MunicipalityToProvider && level3.Count == 0)
        {
            // Our own 301 or 319, checked: it leaves as it came, towards the provider.
            await using var content = await open(cancellationToken);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken);
            var own = new AnswerIdentity(message.Header.BerichtIdentificatie.Identificatie, message.Header.BerichtIdentificatie.Dagtekening);
            return result with { Answer = new BuiltAnswer(message, copy.ToArray(), null, FileName(message.Type, answerIdentity), own) };
        }

        return result;
    }

    /// <summary>The types the register checks: all messages that arrive, except answers only we send.</summary>
    public static bool IsRegisterChecked(MessageType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return !type.IsMunicipalityAnswer;
    }

    /// <summary>The rule set a declaration's verdict is recorded with.</summary>
    public static string RuleSetName(RegisterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"iwmo-3.2 {(view.Declarations ?? DeclarationHistory.Empty).Regional.Name}";
    }

    /// <summary>
    /// A 323 at levels 3 and 4: the header and Declaratie rules first (any finding there rejects the
    /// whole declaration), then every Prestatie (<see cref="PrestatieWalk"/>), each approved or
    /// rejected on its own; the 325 says which (<see cref="DeclarationAnswer"/>). A 323 with rejected
    /// lines is still accepted: it was processed, and its 325 carries the verdict per line.
    /// </summary>
    private async Task<CheckedMessage> DeclarationAsync(
        ValidationReport level1, Wmo323 declaration, RegisterView view, string? refused, Func<CancellationToken, Task<Stream>> open, AnswerIdentity? answerIdentity, CancellationToken cancellationToken)
    {
        var passed = new CheckedMessage(level1, declaration, [], 4, null, null) { Register = view };
        if (refused is not null)
        {
            return passed with { Refused = refused };
        }

        var level3 = await LocateAsync(open, registerRules.Check(declaration, view), cancellationToken);
        var lines = level3.Count == 0 ? PrestatieWalk.Run(declaration, view, prestatieRules) : [];
        var lineFindings = await LocateAsync(open, [.. lines.SelectMany(l => l.Findings)], cancellationToken);
        var header = DeclarationAnswer.RejectsHeader(level3);
        var answer = answerIdentity is null ? null : DeclarationAnswer.For(declaration, level3, lines, answerIdentity, validator.Catalogue);
        var codes = level3.Count > 0
            ? string.Join(' ', level3.Select(f => f.Retourcode).Distinct(StringComparer.Ordinal))
            : lines.All(l => l.Approved) ? DeclarationAnswer.FullyApproved : RegisterAnswer.Correct;
        var result = passed with
        {
            Level3 = level3,
            Lines = lines,
            LineFindings = lineFindings,
            Changes = header ? [] :
            [
                new DeclarationRecorded(
                    declaration.Header.Ontvanger, declaration.Header.Afzender, declaration.Declaratie, declaration.Header.BerichtIdentificatie.Dagtekening,
                    level3.Count > 0, codes, LineVerdict.Awarded(lines), lines, RuleSetName(view), SchemaSetName(declaration))
                {
                    WithoutStart = (view.Declarations ?? DeclarationHistory.Empty).Regional.WithoutStart(view, lines),
                },
            ],
        };
        if (answer is null)
        {
            return result;
        }

        var answerCodes = level3.Count > 0 ? codes : string.Join(' ', lineFindings.Select(f => f.Retourcode).Prepend(codes).Distinct(StringComparer.Ordinal));
        return Finish(result, answer, answerCodes, answerIdentity!);
    }

    /// <summary>The schema versions a message was checked against, as its header names them (recorded with every verdict).</summary>
    public static string SchemaSetName(IwmoMessage message) =>
        $"basis {message.Header.XsdVersie.BasisschemaXsdVersie} bericht {message.Header.XsdVersie.BerichtXsdVersie}";

    private static async Task<IReadOnlyList<Finding>> LocateAsync(Func<CancellationToken, Task<Stream>> open, IReadOnlyList<Finding> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return found;
        }

        await using var content = await open(cancellationToken);
        return FindingLocator.Locate(content, found);
    }

    /// <summary>Writes the answer and checks it against its own schema and level-2 rules (TR342 on a 325): an answer that fails is a bug, held and never sent.</summary>
    private CheckedMessage Finish(CheckedMessage result, IwmoMessage answer, string? code, AnswerIdentity identity)
    {
        var bytes = IwmoWriter.ToBytes(answer);
        using (var built = new MemoryStream(bytes, writable: false))
        {
            var own = validator.Validate(built, MessageScope.AnyDirection);
            var ownRules = own.Valid ? rules.Check(answer) : [];
            if (!own.Valid || ownRules.Count > 0)
            {
                var why = own.Valid ? $"{ownRules[0].Rule}: {ownRules[0].Message}" : own.Summary;
                return result with { Answer = null, Changes = [], Held = $"The {answer.Type} built for this message does not pass its own checks ({why}); it is held and not sent." };
            }
        }

        return result with { Answer = new BuiltAnswer(answer, bytes, code, FileName(answer.Type, identity), identity) };
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
