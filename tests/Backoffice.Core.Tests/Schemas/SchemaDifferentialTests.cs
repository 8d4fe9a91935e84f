using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Backoffice.Core.Schemas;
using Backoffice.Core.Xml;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Schemas;

/// <summary>
/// Our schemas (schemas/iwmo-3.2) must accept and reject exactly what the reference XSDs do.
/// <list type="bullet">
/// <item>The seven heen messages (301, 305, 307, 315, 317, 319, 323) have an iWmo reference: the
/// same document goes to both sets, based on samples/iwmo-3.2/WMOnnn.xml.</item>
/// <item>The seven answers (302, 306, 308, 316, 318, 320, 325) have none. The oracle is the iJw twin:
/// reference JWnnn.xsd judges a JW-shaped document, ours judges the same document mapped to iWmo
/// (<see cref="IjwToIwmo"/>). Bases are samples/ijw-3.2/JWnnn.xml; the header-only samples (302, 306,
/// 308) get a second base with the body of the JW heen sample and a RetourCodes per class. No valid
/// JW318 sample exists: the upstream one (invalid/JW318.xml) has a stray bare RetourCode under
/// Verzoek, which is removed in memory; a second 318 base takes the JW317 body plus a synthetic
/// TeWijzigenProduct so that class is covered too. Every base is first checked against the oracle.</item>
/// </list>
/// Both sides load through <see cref="SchemaCatalogue"/>, the loader the service uses.
/// </summary>
[TestFixture]
public sealed class SchemaDifferentialTests
{
    private const int MinimumPerType = 200;
    private const int RandomMutationsPerType = 240;
    private const string WrongNamespace = "urn:backoffice:test:not-a-message";

    /// <summary>Mutation kinds every message type's corpus must contain.</summary>
    private static readonly string[] RequiredKinds =
    [
        "drop-required", "repeat", "reorder", "bad-enum", "bad-pattern", "impossible-date", "too-long",
        "wrong-namespace", "wrong-berichtcode", "empty-element", "out-of-range", "unknown-element",
    ];

    /// <summary>Classes that carry their own RetourCodes in a retour (iwmo-3.2.md §4.2).</summary>
    private static readonly HashSet<string> RecordClasses = new(StringComparer.Ordinal)
    {
        "Client", "Relatie", "Contact", "ToegewezenProduct", "StartProduct", "StopProduct", "AangevraagdProduct",
        "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct", "Antwoord", "Woonplaatsbeginsel",
    };

    private static readonly int[] AllIwmoCodes = [414, 415, 418, 419, 420, 421, 444, 445, 480, 481, 482, 483, 484, 485];

    private static readonly int[] AllIjwCodes = [436, 437, 438, 439, 440, 441, 446, 447, 486, 487, 488, 489, 490, 491];

    private SchemaCatalogue _ours = null!;
    private SchemaCatalogue _iwmoReference = null!;
    private SchemaCatalogue _ijwReference = null!;

    private static IEnumerable<MessagePair> Pairs()
    {
        // number, iWmo BerichtCode, iJw BerichtCode, heen twin (answers only)
        yield return new(301, 414, 436, null);
        yield return new(302, 415, 437, 301);
        yield return new(305, 418, 438, null);
        yield return new(306, 419, 439, 305);
        yield return new(307, 420, 440, null);
        yield return new(308, 421, 441, 307);
        yield return new(315, 444, 446, null);
        yield return new(316, 445, 447, 315);
        yield return new(317, 480, 486, null);
        yield return new(318, 481, 487, 317);
        yield return new(319, 482, 488, null);
        yield return new(320, 483, 489, 319);
        yield return new(323, 484, 490, null);
        yield return new(325, 485, 491, 323);
    }

    [OneTimeSetUp]
    public void LoadSchemaSets()
    {
        RepoPaths.RequireReference();
        _ours = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);
        _iwmoReference = SchemaCatalogue.Load(RepoPaths.ReferenceXsd("iwmo-3.2"));
        _ijwReference = SchemaCatalogue.Load(RepoPaths.ReferenceXsd("ijw-3.2"));
    }

    [Test]
    public void OurSchemasGiveTheReferenceVerdictOnSamplesAndMutations()
    {
        var mismatches = new List<string>();
        var total = 0;
        var perType = new Dictionary<string, int>(StringComparer.Ordinal);
        var runs = new List<Run>();
        var output = new StringBuilder();
        output.AppendLine("type    cases  samples  mutations  ref-valid  ref-invalid  kinds");

        foreach (var pair in Pairs())
        {
            var run = pair.IsAnswer ? RunAnswer(pair) : RunHeen(pair);
            runs.Add(run);
            mismatches.AddRange(run.Mismatches);
            total += run.Cases;
            perType[pair.Name] = run.Mutations;
            output.AppendLine(CultureInfo.InvariantCulture, $"{pair.Name,-7} {run.Cases,5}  {run.Samples,7}  {run.Mutations,9}  {run.ReferenceValid,9}  {run.ReferenceInvalid,11}  {run.Kinds}");
        }

        output.AppendLine(CultureInfo.InvariantCulture, $"total   {total,5} cases compared over {perType.Count} message types");
        TestContext.Out.Write(output.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty, () => $"{mismatches.Count} verdict mismatch(es):\n" + string.Join('\n', mismatches.Take(40)));
            Assert.That(perType, Has.Count.EqualTo(14));
            foreach (var (name, count) in perType)
            {
                Assert.That(count, Is.GreaterThanOrEqualTo(MinimumPerType), $"{name}: too few mutations compared");
            }

            foreach (var run in runs)
            {
                // A corpus the reference only rejects (or only accepts) would prove little.
                Assert.That(run.ReferenceValid, Is.GreaterThan(0), $"{run.Name}: no mutation is valid under the reference");
                Assert.That(run.ReferenceInvalid, Is.GreaterThan(0), $"{run.Name}: no mutation is invalid under the reference");
                Assert.That(RequiredKinds.Where(k => run.KindCount(k) == 0), Is.Empty, $"{run.Name}: mutation kinds missing from the corpus");
            }
        });
    }

    private Run RunHeen(MessagePair pair)
    {
        var samplePath = Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), pair.Name + ".xml");
        var sample = Load(samplePath);
        var run = new Run(pair.Name);
        run.Compare("sample " + Path.GetFileName(samplePath), sample, _iwmoReference, sample, _ours, isSample: true);

        var ownNs = IjwToIwmo.IwmoNamespace(pair.Number);
        var generator = new MutationGenerator(
            [(pair.Name + ".xml", sample)],
            _iwmoReference.SchemaSet,
            seed: 32_000 + pair.Number,
            excluded: _ => false,
            berichtCodeProbes: CodeProbes(pair.Code, pair.JwCode),
            namespaceProbes: [ownNs, IjwToIwmo.IwmoBasis, IjwToIwmo.IjwNamespace(pair.Number), IjwToIwmo.IjwBasis, WrongNamespace, string.Empty]);

        foreach (var m in generator.Generate(RandomMutationsPerType))
        {
            run.Compare($"[{m.Kind}] {m.Description}", m.Document, _iwmoReference, m.Document, _ours, isSample: false);
        }

        return run;
    }

    private Run RunAnswer(MessagePair pair)
    {
        var bases = AnswerBases(pair);
        var run = new Run(pair.Name);
        foreach (var (name, doc) in bases)
        {
            run.Compare("base " + name, doc, _ijwReference, Map(doc, pair), _ours, isSample: true);
        }

        var generator = new MutationGenerator(
            bases,
            _ijwReference.SchemaSet,
            seed: 32_000 + pair.Number,
            excluded: IjwToIwmo.IsIjwOnly,
            berichtCodeProbes: CodeProbes(pair.Code, pair.JwCode),
            namespaceProbes: [IjwToIwmo.IjwNamespace(pair.Number), IjwToIwmo.IjwBasis, IjwToIwmo.IwmoNamespace(pair.Number), IjwToIwmo.IwmoBasis, WrongNamespace, string.Empty]);

        foreach (var m in generator.Generate(RandomMutationsPerType))
        {
            run.Compare($"[{m.Kind}] {m.Description}", m.Document, _ijwReference, Map(m.Document, pair), _ours, isSample: false);
        }

        return run;
    }

    private static XDocument Map(XDocument jw, MessagePair pair) => IjwToIwmo.Map(jw, pair.Number, pair.JwCode, pair.Code);

    /// <summary>JW-shaped base documents for an answer type; each must be valid under the JW reference.</summary>
    private List<(string Name, XDocument Document)> AnswerBases(MessagePair pair)
    {
        var samples = RepoPaths.ReferenceSamples("ijw-3.2");
        var jwName = $"JW{pair.Number}.xml";
        var bases = new List<(string, XDocument)>();
        XDocument answer;
        if (pair.Number == 318)
        {
            // The only JW318 sample is invalid: a bare RetourCode sits between RedenVerzoek and
            // OngewijzigdeProducten. Without it the sample is valid.
            answer = Load(Path.Combine(samples, "invalid", jwName));
            answer.Descendants().Where(e => e.Name.LocalName == "RetourCode" && e.Parent?.Name.LocalName == "Verzoek").Remove();
            bases.Add(("invalid/JW318.xml repaired", answer));
        }
        else
        {
            answer = Load(Path.Combine(samples, jwName));
            bases.Add((jwName, answer));
        }

        var heenPath = Path.Combine(samples, $"JW{pair.HeenNumber}.xml");
        if (pair.Number is 302 or 306 or 308 or 318 or 320 && File.Exists(heenPath))
        {
            var enriched = WithRetourBody(answer, Load(heenPath), IjwToIwmo.IjwNamespace(pair.HeenNumber!.Value), IjwToIwmo.IjwNamespace(pair.Number));
            if (pair.Number == 318)
            {
                AddTeWijzigenProduct(enriched, IjwToIwmo.IjwNamespace(318));
            }

            bases.Add(($"{jwName} header + JW{pair.HeenNumber}.xml body with RetourCodes", enriched));
        }

        foreach (var (name, doc) in bases)
        {
            var findings = _ijwReference.Validate(ToStream(doc));
            Assert.That(findings, Is.Empty, $"{pair.Name} base '{name}' must be valid under the reference JW schema");
        }

        return bases;
    }

    /// <summary>The answer's header with the heen message's body, every record class given RetourCodes 0200.</summary>
    private static XDocument WithRetourBody(XDocument answer, XDocument heen, string heenNs, string answerNs)
    {
        var doc = new XDocument(answer);
        var root = doc.Root!;
        root.Elements().Where(e => e.Name.LocalName != "Header").Remove();
        XNamespace ns = answerNs;
        foreach (var body in heen.Root!.Elements().Where(e => e.Name.LocalName != "Header"))
        {
            var copy = new XElement(body);
            foreach (var el in copy.DescendantsAndSelf())
            {
                if (el.Name.NamespaceName == heenNs)
                {
                    el.Name = ns + el.Name.LocalName;
                }
            }

            foreach (var record in copy.DescendantsAndSelf().Where(e => e.Name.Namespace == ns && RecordClasses.Contains(e.Name.LocalName)).ToList())
            {
                record.Add(RetourCodes(ns));
            }

            root.Add(copy);
        }

        return doc;
    }

    private static void AddTeWijzigenProduct(XDocument doc, string answerNs)
    {
        XNamespace ns = answerNs;
        var verzoek = doc.Descendants(ns + "Verzoek").First();
        var product = new XElement(
            ns + "TeWijzigenProducten",
            new XElement(
                ns + "TeWijzigenProduct",
                new XElement(ns + "ToewijzingNummer", "10072"),
                new XElement(ns + "GewensteIngangsdatum", "2023-11-01"),
                new XElement(ns + "Einddatum", "2024-02-29"),
                new XElement(ns + "Budget", "125000"),
                RetourCodes(ns)));
        var after = verzoek.Element(ns + "OngewijzigdeProducten") ?? verzoek.Element(ns + "RedenVerzoek")!;
        after.AddAfterSelf(product);
    }

    private static XElement RetourCodes(XNamespace ns) => new(ns + "RetourCodes", new XElement(ns + "RetourCode", "0200"));

    private static string[] CodeProbes(int code, int jwCode)
    {
        var own = code.ToString(CultureInfo.InvariantCulture);
        return
        [
            .. AllIwmoCodes.Concat(AllIjwCodes).Where(c => c != code && c != jwCode).Select(c => c.ToString(CultureInfo.InvariantCulture)),
            jwCode.ToString(CultureInfo.InvariantCulture), code.ToString(CultureInfo.InvariantCulture),
            string.Empty, own[..2], own + "0", "0" + own, " " + own, own + " ", "abc", "999", "303",
        ];
    }

    internal static XDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, UntrustedXml.ReaderSettings());
        return XDocument.Load(reader);
    }

    internal static MemoryStream ToStream(XDocument doc)
    {
        var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            doc.Save(writer);
        }

        stream.Position = 0;
        return stream;
    }

    private sealed record MessagePair(int Number, int Code, int JwCode, int? HeenNumber)
    {
        public string Name => "WMO" + Number.ToString(CultureInfo.InvariantCulture);

        public bool IsAnswer => HeenNumber is not null;
    }

    /// <summary>Counts and mismatches for one message type.</summary>
    private sealed class Run(string name)
    {
        private readonly SortedDictionary<string, int> _kinds = new(StringComparer.Ordinal);

        public string Name => name;

        public List<string> Mismatches { get; } = [];

        public int Cases { get; private set; }

        public int Samples { get; private set; }

        public int Mutations { get; private set; }

        public int ReferenceValid { get; private set; }

        public int ReferenceInvalid { get; private set; }

        public int KindCount(string kind) => _kinds.GetValueOrDefault(kind);

        public string Kinds => string.Join(' ', _kinds.Select(k => $"{k.Key}:{k.Value}"));

        public void Compare(string description, XDocument referenceDoc, SchemaCatalogue reference, XDocument ourDoc, SchemaCatalogue ours, bool isSample)
        {
            using var referenceStream = ToStream(referenceDoc);
            using var ourStream = ToStream(ourDoc);
            var referenceFindings = reference.Validate(referenceStream);
            var ourFindings = ours.Validate(ourStream);
            var referenceValid = referenceFindings.Count == 0;
            var ourValid = ourFindings.Count == 0;

            Cases++;
            if (isSample)
            {
                Samples++;
            }
            else
            {
                Mutations++;
                var kind = description[1..description.IndexOf(']', StringComparison.Ordinal)];
                _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
            }

            if (referenceValid)
            {
                ReferenceValid++;
            }
            else
            {
                ReferenceInvalid++;
            }

            if (referenceValid != ourValid)
            {
                var why = referenceValid ? ourFindings[0].Message : referenceFindings[0].Message;
                Mismatches.Add($"{name} {description}: reference says {(referenceValid ? "valid" : "invalid")}, ours says {(ourValid ? "valid" : "invalid")} ({why})");
            }
        }
    }
}
