using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Retours;

/// <summary>
/// The retour on a provider message (305, 307, 315, 317) that passed level 2, after the level-3 and
/// level-4 checks (iwmo-3.2.md §8.1, IV028):
/// <list type="bullet">
/// <item>fully accepted: the header only, without RetourCodes;</item>
/// <item>an error in the header: the header only, with its codes;</item>
/// <item>an error under the Client: the header with 0200, and the Client with all its child classes,
/// each class with its own codes or 0200. (0233, "not checked", never occurs: every rule runs on every
/// class, so every class sent back was checked.)</item>
/// </list>
/// Each finding goes on the class whose path is its path or the nearest ancestor of it.
/// </summary>
public static class RegisterAnswer
{
    /// <summary>0200: the class was checked and found correct.</summary>
    public const string Correct = "0200";

    public static IwmoMessage For(IwmoMessage heen, IReadOnlyList<Finding> findings, AnswerIdentity identity, SchemaCatalogue schemas)
    {
        ArgumentNullException.ThrowIfNull(heen);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(schemas);
        var codes = new Codes(findings);
        var header = codes.Header ?? (codes.UnderClient ? [Correct] : (EquatableArray<string>?)null);
        var withClient = codes.Header is null && codes.UnderClient;
        var client = XmlPath.Bericht.Child("Client");
        return heen switch
        {
            Wmo305 m => new Wmo306(
                Retour(m.Header, MessageType.Wmo306, identity, schemas, header),
                withClient ? new StartClientRetour(
                    m.Client.Gegevens,
                    [.. m.Client.StartProducten.Select((p, i) => new StartProductRetour(p, codes.For(client.Child("StartProducten").Item("StartProduct", i))))],
                    codes.For(client)) : null),
            Wmo307 m => new Wmo308(
                Retour(m.Header, MessageType.Wmo308, identity, schemas, header),
                withClient ? new StopClientRetour(
                    m.Client.Gegevens,
                    [.. m.Client.StopProducten.Select((p, i) => new StopProductRetour(p, codes.For(client.Child("StopProducten").Item("StopProduct", i))))],
                    codes.For(client)) : null),
            Wmo315 m => new Wmo316(
                Retour(m.Header, MessageType.Wmo316, identity, schemas, header),
                withClient ? new VotClientRetour(
                    m.Client.Gegevens,
                    m.Client.Commentaar,
                    [.. m.Client.AangevraagdeProducten.Select((p, i) => new AangevraagdProductRetour(p, codes.For(client.Child("AangevraagdeProducten").Item("AangevraagdProduct", i))))],
                    codes.For(client)) : null),
            Wmo317 m => new Wmo318(
                Retour(m.Header, MessageType.Wmo318, identity, schemas, header),
                withClient ? Vow(m.Client, client, codes) : null),
            _ => throw new ArgumentException($"{heen.Type} is not a provider message the municipality answers with a retour.", nameof(heen)),
        };
    }

    /// <summary>True for the messages answered by <see cref="For"/>: the provider's heen messages with a retour (the 323 gets its 325 elsewhere).</summary>
    public static bool Answers(MessageType type) =>
        type == MessageType.Wmo305 || type == MessageType.Wmo307 || type == MessageType.Wmo315 || type == MessageType.Wmo317;

    private static VowClientRetour Vow(VowClient c, XmlPath client, Codes codes)
    {
        var verzoek = client.Child("Verzoek");
        var v = c.Verzoek;
        return new VowClientRetour(
            c.Bsn,
            new VerzoekRetour(
                v.ReferentieAanbieder,
                v.RedenVerzoek,
                [.. v.OngewijzigdeProducten.Select((p, i) => new OngewijzigdProductRetour(p, codes.For(verzoek.Child("OngewijzigdeProducten").Item("OngewijzigdProduct", i))))],
                [.. v.TeWijzigenProducten.Select((p, i) => new TeWijzigenProductRetour(p, codes.For(verzoek.Child("TeWijzigenProducten").Item("TeWijzigenProduct", i))))],
                [.. v.NieuweProducten.Select((p, i) => new NieuwProductRetour(p, codes.For(verzoek.Child("NieuweProducten").Item("NieuwProduct", i))))],
                codes.For(verzoek)),
            codes.For(client));
    }

    private static RetourHeader Retour(Header heen, MessageType answer, AnswerIdentity identity, SchemaCatalogue schemas, EquatableArray<string>? codes) =>
        RetourHeader.For(heen, identity.Identificatie, identity.Dagtekening, codes) with { XsdVersieRetour = Level2Answer.VersionsOf(answer, schemas) };

    /// <summary>The findings sorted onto classes: each class asks for its own codes with its path.</summary>
    private sealed class Codes
    {
        private const string ClientPath = "/Bericht/Client";
        private readonly IReadOnlyList<(string Path, string Code)> located;

        public Codes(IReadOnlyList<Finding> findings)
        {
            var header = new List<string>();
            var located = new List<(string, string)>();
            foreach (var f in findings)
            {
                var code = f.Retourcode ?? throw new ArgumentException($"Finding of {f.Rule} has no retourcode; a retour cannot carry it.", nameof(findings));
                if (f.Path is { } path && (path == ClientPath || path.StartsWith(ClientPath + "/", StringComparison.Ordinal)))
                {
                    located.Add((path, code));
                }
                else
                {
                    // The header and anything not under the Client (the message as a whole).
                    header.Add(code);
                }
            }

            this.located = located;
            Header = header.Count > 0 ? [.. header.Distinct(StringComparer.Ordinal)] : null;
            UnderClient = located.Count > 0;
        }

        public EquatableArray<string>? Header { get; }

        public bool UnderClient { get; }

        /// <summary>The codes of the class at <paramref name="classPath"/>: those of its own findings (not those of a child class), else 0200.</summary>
        public EquatableArray<string> For(XmlPath classPath)
        {
            var path = classPath.ToString();
            var own = located
                .Where(l => Owns(path, l.Path))
                .Select(l => l.Code)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            return own.Length > 0 ? [.. own] : [Correct];
        }

        /// <summary>True when <paramref name="finding"/> is at <paramref name="classPath"/> or inside it and not inside one of its child classes.</summary>
        private static bool Owns(string classPath, string finding)
        {
            if (!(finding == classPath || finding.StartsWith(classPath + "/", StringComparison.Ordinal)))
            {
                return false;
            }

            // A deeper class that also contains the finding owns it instead.
            return !ChildClasses.Any(child => finding.Length > classPath.Length
                && IsClassBelow(classPath, finding, child));
        }

        private static readonly string[] ChildClasses =
        [
            "StartProducten/StartProduct", "StopProducten/StopProduct", "AangevraagdeProducten/AangevraagdProduct",
            "Verzoek", "OngewijzigdeProducten/OngewijzigdProduct", "TeWijzigenProducten/TeWijzigenProduct", "NieuweProducten/NieuwProduct",
        ];

        private static bool IsClassBelow(string classPath, string finding, string child)
        {
            var rest = finding[classPath.Length..];
            if (!rest.StartsWith('/'))
            {
                return false;
            }

            rest = rest[1..];
            if (!rest.StartsWith(child, StringComparison.Ordinal))
            {
                return false;
            }

            var after = rest[child.Length..];
            return after.Length == 0 || after[0] is '/' or '[';
        }
    }
}
