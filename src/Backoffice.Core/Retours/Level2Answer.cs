using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Retours;

/// <summary>The identification the municipality gives an answer it builds: unique per type (TR056), and its date.</summary>
public sealed record AnswerIdentity(string Identificatie, DateOnly Dagtekening)
{
    /// <summary>LDT_IdentificatieBericht: 1 to 12 characters, not blank (RS017, RS033).</summary>
    public static AnswerIdentity Create(string identificatie, DateOnly dagtekening)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identificatie);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(identificatie.Length, 12, nameof(identificatie));
        return new AnswerIdentity(identificatie, dagtekening);
    }
}

/// <summary>
/// The answer to a provider message that fails a level-2 rule (iwmo-3.2.md §8.1, §8.4): its retour
/// (306, 308, 316, 318) or the 325 with only the header and retourcode 0001. The heen header is
/// copied (IV028), the answer's own versions are those of the schema set in use, XsltVersie is left
/// out because the official stylesheet is not what checked it. Built only from records whose types
/// make an empty RetourCodes impossible.
/// </summary>
public static class Level2Answer
{
    /// <summary>0001: "Bericht is afgekeurd ivm fout in de xml-structuur/inhoud" (WJ001), the level-2 code.</summary>
    public const string Code = "0001";

    /// <summary>True for the messages a provider sends us that get an answer from us.</summary>
    public static bool IsAnswered(MessageType type) =>
        type.Direction == MessageDirection.ProviderToMunicipality && type.AnswerName is not null;

    public static IwmoMessage For(IwmoMessage heen, AnswerIdentity identity, SchemaCatalogue schemas)
    {
        ArgumentNullException.ThrowIfNull(heen);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(schemas);
        EquatableArray<string> codes = [Code];
        return heen switch
        {
            Wmo305 m => new Wmo306(Retour(m.Header, MessageType.Wmo306, identity, schemas, codes), null),
            Wmo307 m => new Wmo308(Retour(m.Header, MessageType.Wmo308, identity, schemas, codes), null),
            Wmo315 m => new Wmo316(Retour(m.Header, MessageType.Wmo316, identity, schemas, codes), null),
            Wmo317 m => new Wmo318(Retour(m.Header, MessageType.Wmo318, identity, schemas, codes), null),
            Wmo323 m => new Wmo325(
                new DeclaratieAntwoordHeader(
                    // The 325 travels back: from the municipality the 323 was sent to, to its sender.
                    m.Header.Ontvanger,
                    m.Header.Afzender,
                    new BerichtIdentificatie(identity.Identificatie, identity.Dagtekening),
                    VersionsOf(MessageType.Wmo325, schemas),
                    m.Header.BerichtIdentificatie,
                    null,
                    m.Header.XsdVersie,
                    codes),
                null),
            _ => throw new ArgumentException($"{heen.Type} is not a provider message that gets an answer from the municipality.", nameof(heen)),
        };
    }

    /// <summary>
    /// The versions the answer is built with (XsdVersieRetour, the 325's XsdVersie): the BerichtXsdVersie
    /// of its own schema and the BasisschemaXsdVersie of the basisschema, as the loaded set declares them.
    /// </summary>
    public static XsdVersie VersionsOf(MessageType answer, SchemaCatalogue schemas)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(schemas);
        var message = schemas.Find(answer.Namespace)?.BerichtXsdVersie
            ?? throw new InvalidOperationException($"The schema set in {schemas.Directory} has no {answer.SchemaFileName} with a BerichtXsdVersie; no {answer} can be built.");
        var basis = schemas.Find(MessageType.BasisschemaNamespace)?.BasisschemaXsdVersie
            ?? throw new InvalidOperationException($"The schema set in {schemas.Directory} has no basisschema with a BasisschemaXsdVersie.");
        return new XsdVersie(basis, message);
    }

    private static RetourHeader Retour(Header heen, MessageType answer, AnswerIdentity identity, SchemaCatalogue schemas, EquatableArray<string> codes) =>
        RetourHeader.For(heen, identity.Identificatie, identity.Dagtekening, codes) with { XsdVersieRetour = VersionsOf(answer, schemas) };
}
