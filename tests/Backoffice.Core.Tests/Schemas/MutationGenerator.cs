using System.Globalization;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Backoffice.Core.Tests.Schemas;

/// <summary>One generated test document: what was changed, and the result.</summary>
internal sealed record Mutation(string Kind, string Description, XDocument Document);

/// <summary>
/// Deterministic (seeded) mutations of a valid base document, for comparing two schema sets.
/// Targets are chosen with the help of the oracle's own type information (PSVI of the base), so
/// that "drop a required element" really drops a required one and "bad enum value" hits an
/// enumerated field. Whether a mutation is valid is never decided here: both schema sets decide,
/// and the differential test compares their verdicts.
/// </summary>
internal sealed class MutationGenerator
{
    /// <summary>Every kind, used round-robin so each one gets its share of a corpus.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "drop-required", "repeat", "reorder", "bad-enum", "bad-pattern", "impossible-date",
        "too-long", "wrong-namespace", "wrong-berichtcode", "empty-element", "out-of-range",
        "unknown-element", "drop-optional", "other-enum-value", "max-length", "unknown-attribute",
        "whitespace-padding", "foreign-value",
    ];

    private static readonly string[] EnumProbes = ["99", "00", "0", "X", "ZZ", "10", "7", "5", "19", "32", "45", "01", "1", "A", "", " "];

    private static readonly string[] PatternProbes =
    [
        "", " ", "\t", "A1", "12345678A", "1234567", "123456789", "12345678", "1234", "12345", "0384",
        "1.0", "1.0.0.0", "01.2.3", "1.2.3", "10.20.30", "a-b", "\u00E9", "\u00C0b", "Ab1", "x y", "DN-001", "DN001",
        "999900006 ", "abc", "-", "0", "ab cd", "A", "\u1EF3", "\u1EF4", "Z", "31ABC", "4141",
    ];

    private static readonly string[] DateProbes =
    [
        "2023-02-30", "2023-02-29", "2024-02-29", "2023-04-31", "2023-06-31", "2023-13-01", "2023-00-10",
        "2023-01-01Z", "2023-01-01+01:00", "23-01-01", "2023-1-1", "0000-01-01", "-2023-01-01",
        " 2023-01-01 ", "2023-12-31", "2023/01/01", "2023-01-01T00:00:00", "20230101", "9999-12-31",
    ];

    private static readonly string[] TimeProbes =
    [
        "24:00:00", "12:60:00", "12:00:00Z", "12:00", "12:00:00.123", "12:00:00+02:00", "25:00:00",
        "00:00:00", "23:59:59", "7:00:00", " 08:30:00 ", "08:30:00-01:00",
    ];

    private static readonly string[] NumberProbes =
    [
        "-1", "0", "1.5", "1e3", "+1", "007", " 5 ", "99999999999999999999", "", "abc", "-0", "1,0", "100",
    ];

    private readonly List<BaseDocument> _bases;
    private readonly Random _random;
    private readonly IReadOnlyList<string> _berichtCodeProbes;
    private readonly IReadOnlyList<string> _namespaceProbes;

    /// <param name="bases">Valid base documents (checked against <paramref name="oracle"/>).</param>
    /// <param name="oracle">The schema set whose type information picks the targets.</param>
    /// <param name="seed">Same seed, same corpus.</param>
    /// <param name="excluded">Elements (with their subtree) that must not be touched or used as an anchor.</param>
    /// <param name="berichtCodeProbes">Replacement values for Header/BerichtCode.</param>
    /// <param name="namespaceProbes">Replacement namespaces for "wrong namespace".</param>
    public MutationGenerator(
        IEnumerable<(string Name, XDocument Document)> bases,
        XmlSchemaSet oracle,
        int seed,
        Func<XElement, bool> excluded,
        IReadOnlyList<string> berichtCodeProbes,
        IReadOnlyList<string> namespaceProbes)
    {
        _bases = bases.Select(b => BaseDocument.Analyse(b.Name, b.Document, oracle, excluded)).ToList();
        _random = new Random(seed);
        _berichtCodeProbes = berichtCodeProbes;
        _namespaceProbes = namespaceProbes;
    }

    /// <summary>
    /// The systematic corpus: every element dropped, repeated, emptied and swapped with its next
    /// sibling; every leaf given its boundary, enumeration, date and number probes; every
    /// BerichtCode probe. Then <paramref name="randomCount"/> seeded random picks on top. Distinct
    /// by resulting XML.
    /// </summary>
    public IReadOnlyList<Mutation> Generate(int randomCount)
    {
        var result = new List<Mutation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Keep(Mutation? mutation)
        {
            if (mutation is not null && seen.Add(mutation.Document.ToString(SaveOptions.DisableFormatting)))
            {
                result.Add(mutation);
            }
        }

        foreach (var b in _bases)
        {
            foreach (var mutation in Systematic(b))
            {
                Keep(mutation);
            }
        }

        var target = result.Count + randomCount;
        for (var attempt = 0; result.Count < target && attempt < randomCount * 40; attempt++)
        {
            Keep(RandomMutation(Kinds[attempt % Kinds.Count], _bases[_random.Next(_bases.Count)]));
        }

        return result;
    }

    private IEnumerable<Mutation?> Systematic(BaseDocument b)
    {
        // Every enumerated value once per kind of position (Product/Categorie, RetourCodes/RetourCode, ...),
        // not once per occurrence: a 302 has dozens of RetourCode elements.
        var enumerated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in b.Targets)
        {
            if (!t.IsRoot)
            {
                yield return Drop(b, t);
                yield return Repeat(b, t);
                yield return Empty(b, t);
            }

            if (t.SwappableWithNext)
            {
                yield return Swap(b, t);
            }

            yield return WrongNamespace(b, t, _namespaceProbes[_random.Next(_namespaceProbes.Count)]);
            if (!t.IsSimple)
            {
                yield return UnknownElement(b, t, _random.Next(3), 2);
                continue;
            }

            yield return Value(b, t, "whitespace-padding", " " + b.Values[t.Index] + " ", "value padded with spaces");
            yield return Value(b, t, "bad-pattern", PatternProbes[_random.Next(PatternProbes.Length)], "pattern probe");
            if (t.MaxLength is { } max)
            {
                yield return Value(b, t, "too-long", Filler(t, max + 1), $"{max + 1} characters (maxLength {max})");
                yield return Value(b, t, "max-length", Filler(t, max), $"{max} characters (maxLength {max})");
            }

            if (enumerated.Add(t.Shape))
            {
                foreach (var value in t.Enumerations)
                {
                    yield return Value(b, t, "other-enum-value", value, "enumerated value");
                }
            }

            if (t.Enumerations.Count > 0)
            {
                var bad = BadEnumCandidates(t);
                yield return Value(b, t, "bad-enum", bad[_random.Next(bad.Count)], "value not in the enumeration");
            }

            if (t.TypeCode is XmlTypeCode.Date or XmlTypeCode.Time)
            {
                foreach (var value in t.TypeCode == XmlTypeCode.Date ? DateProbes : TimeProbes)
                {
                    yield return Value(b, t, "impossible-date", value, "date/time probe");
                }
            }

            if (t.TypeCode == XmlTypeCode.Integer)
            {
                foreach (var value in NumberProbesFor(t))
                {
                    yield return Value(b, t, "out-of-range", value, $"number probe (range {t.MinInclusive}..{t.MaxInclusive})");
                }
            }

            if (t.IsBerichtCode)
            {
                foreach (var value in _berichtCodeProbes)
                {
                    yield return Value(b, t, "wrong-berichtcode", value, "BerichtCode probe");
                }
            }
        }
    }

    private Mutation? RandomMutation(string kind, BaseDocument b)
    {
        switch (kind)
        {
            case "drop-required":
            case "drop-optional":
            {
                var required = kind == "drop-required";
                var t = Pick(b.Targets.Where(t => !t.IsRoot && (t.MinOccurs >= 1) == required));
                return t is null ? null : Drop(b, t);
            }

            case "repeat":
                return Pick(b.Targets.Where(t => !t.IsRoot)) is { } repeat ? Repeat(b, repeat) : null;
            case "empty-element":
                return Pick(b.Targets.Where(t => !t.IsRoot)) is { } empty ? Empty(b, empty) : null;
            case "reorder":
                return Pick(b.Targets.Where(t => t.SwappableWithNext)) is { } swap ? Swap(b, swap) : null;
            case "bad-enum":
            {
                var t = Pick(b.Targets.Where(t => t.Enumerations.Count > 0));
                if (t is null)
                {
                    return null;
                }

                var candidates = BadEnumCandidates(t);
                return Value(b, t, kind, candidates[_random.Next(candidates.Count)], "value not in the enumeration");
            }

            case "other-enum-value":
            {
                var t = Pick(b.Targets.Where(t => t.Enumerations.Count > 1));
                return t is null ? null : Value(b, t, kind, t.Enumerations[_random.Next(t.Enumerations.Count)], "another enumerated value");
            }

            case "bad-pattern":
            {
                var t = Pick(b.Targets.Where(t => t.Patterns.Count > 0));
                return t is null ? null : Value(b, t, kind, PatternProbes[_random.Next(PatternProbes.Length)], $"pattern probe (patterns {string.Join(" & ", t.Patterns)})");
            }

            case "impossible-date":
            {
                var t = Pick(b.Targets.Where(t => t.TypeCode is XmlTypeCode.Date or XmlTypeCode.Time));
                if (t is null)
                {
                    return null;
                }

                var pool = t.TypeCode == XmlTypeCode.Date ? DateProbes : TimeProbes;
                return Value(b, t, kind, pool[_random.Next(pool.Length)], "date/time probe");
            }

            case "too-long":
            case "max-length":
            {
                var t = Pick(b.Targets.Where(t => t.MaxLength is > 0));
                if (t is null)
                {
                    return null;
                }

                var length = t.MaxLength!.Value + (kind == "too-long" ? 1 : 0);
                return Value(b, t, kind, Filler(t, length), $"{length} characters (maxLength {t.MaxLength})");
            }

            case "wrong-namespace":
                return Pick(b.Targets) is { } moved ? WrongNamespace(b, moved, _namespaceProbes[_random.Next(_namespaceProbes.Count)]) : null;
            case "wrong-berichtcode":
            {
                var t = b.Targets.FirstOrDefault(t => t.IsBerichtCode);
                return t is null ? null : Value(b, t, kind, _berichtCodeProbes[_random.Next(_berichtCodeProbes.Count)], "BerichtCode probe");
            }

            case "out-of-range":
            {
                var t = Pick(b.Targets.Where(t => t.TypeCode == XmlTypeCode.Integer));
                if (t is null)
                {
                    return null;
                }

                var pool = NumberProbesFor(t);
                return Value(b, t, kind, pool[_random.Next(pool.Count)], $"number probe (range {t.MinInclusive}..{t.MaxInclusive})");
            }

            case "unknown-element":
            {
                var t = Pick(b.Targets);
                return t is null ? null : UnknownElement(b, t, _random.Next(3), t.IsRoot ? 2 : _random.Next(t.IsSimple ? 2 : 3));
            }

            case "unknown-attribute":
                return Pick(b.Targets) is { } attributed ? UnknownAttribute(b, attributed, _random.Next(2) == 0) : null;
            case "whitespace-padding":
            {
                var t = Pick(b.Targets.Where(t => t.IsSimple));
                return t is null ? null : Value(b, t, kind, " " + b.Values[t.Index] + " ", "value padded with spaces");
            }

            case "foreign-value":
            {
                var t = Pick(b.Targets.Where(t => t.IsSimple));
                var donor = Pick(b.Targets.Where(t => t.IsSimple));
                return t is null || donor is null ? null : Value(b, t, kind, b.Values[donor.Index], $"value of {donor.Path}");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mutation kind");
        }
    }

    private static Mutation Drop(BaseDocument b, Target t) =>
        Edit(b, t, t.MinOccurs >= 1 ? "drop-required" : "drop-optional", el => el.Remove(), $"drop {t.Path} (minOccurs {t.MinOccurs})");

    private static Mutation Repeat(BaseDocument b, Target t) =>
        Edit(b, t, "repeat", el => el.AddAfterSelf(new XElement(el)), $"repeat {t.Path} (maxOccurs {t.MaxOccursText})");

    private static Mutation Empty(BaseDocument b, Target t) =>
        Edit(b, t, "empty-element", el => el.RemoveNodes(), $"empty {t.Path}");

    private static Mutation Swap(BaseDocument b, Target t) =>
        Edit(b, t, "reorder", el =>
        {
            var next = el.ElementsAfterSelf().First();
            next.Remove();
            el.AddBeforeSelf(next);
        }, $"swap {t.Path} with its next sibling");

    private static Mutation Value(BaseDocument b, Target t, string kind, string value, string why) =>
        Edit(b, t, kind, el => el.Value = value, $"{t.Path} = '{value}' ({why})");

    private static Mutation WrongNamespace(BaseDocument b, Target t, string ns) =>
        Edit(b, t, "wrong-namespace", el => el.Name = XName.Get(el.Name.LocalName, ns == el.Name.NamespaceName ? "urn:backoffice:test:other" : ns), $"{t.Path} moved to namespace '{ns}'");

    /// <param name="nsChoice">0: the element's own namespace, 1: the root's, 2: no namespace.</param>
    /// <param name="position">0: before, 1: after, 2: as last child.</param>
    private static Mutation UnknownElement(BaseDocument b, Target t, int nsChoice, int position) =>
        Edit(b, t, "unknown-element", el =>
        {
            var ns = nsChoice switch
            {
                0 => el.Name.Namespace,
                1 => el.Document!.Root!.Name.Namespace,
                _ => XNamespace.None,
            };
            var extra = new XElement(ns + "Onbekend", "1");
            switch (position)
            {
                case 0: el.AddBeforeSelf(extra); break;
                case 1: el.AddAfterSelf(extra); break;
                default: el.Add(extra); break;
            }
        }, $"unknown element Onbekend (namespace choice {nsChoice}) {(position == 0 ? "before" : position == 1 ? "after" : "as last child of")} {t.Path}");

    private static Mutation UnknownAttribute(BaseDocument b, Target t, bool plain)
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var name = plain ? XName.Get("extra") : xsi + "nil";
        return Edit(b, t, "unknown-attribute", el => el.SetAttributeValue(name, "true"), $"attribute {name.LocalName} on {t.Path}");
    }

    private static Mutation Edit(BaseDocument b, Target t, string kind, Action<XElement> change, string description)
    {
        var doc = new XDocument(b.Document);
        change(doc.Descendants().ElementAt(t.Index));
        return new Mutation(kind, $"{b.Name}: {description}", doc);
    }

    private static string Filler(Target t, int length) =>
        new(t.Patterns.Any(p => p.Contains("[0-9]", StringComparison.Ordinal)) ? '7' : 'A', length);

    private static List<string> BadEnumCandidates(Target t) =>
        EnumProbes
            .Concat(t.Enumerations.Select(v => v + "0"))
            .Concat(t.Enumerations.Select(v => v.ToLowerInvariant()))
            .Concat(t.Enumerations.Select(v => " " + v))
            .Where(v => !t.Enumerations.Contains(v))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static List<string> NumberProbesFor(Target t)
    {
        var pool = new List<string>(NumberProbes);
        if (t.MaxInclusive is { } max && decimal.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
        {
            pool.Add(max);
            pool.Add((m + 1).ToString(CultureInfo.InvariantCulture));
            pool.Add("0" + max);
        }

        return pool;
    }

    private Target? Pick(IEnumerable<Target> targets)
    {
        var list = targets as IList<Target> ?? targets.ToList();
        return list.Count == 0 ? null : list[_random.Next(list.Count)];
    }

    /// <summary>A base document with what the oracle says about each of its elements.</summary>
    private sealed record BaseDocument(string Name, XDocument Document, IReadOnlyList<Target> Targets, IReadOnlyList<string> Values)
    {
        public static BaseDocument Analyse(string name, XDocument document, XmlSchemaSet oracle, Func<XElement, bool> excluded)
        {
            var annotated = new XDocument(document);
            var errors = new List<string>();
            annotated.Validate(oracle, (_, e) => errors.Add(e.Message), addSchemaInfo: true);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Base document {name} is not valid under the oracle: {string.Join("; ", errors)}");
            }

            var elements = annotated.Descendants().ToList();
            var targets = new List<Target>();
            for (var i = 0; i < elements.Count; i++)
            {
                var el = elements[i];
                if (el.AncestorsAndSelf().Any(excluded))
                {
                    continue;
                }

                var next = el.ElementsAfterSelf().FirstOrDefault();
                var swappable = next is not null && next.Name != el.Name && !excluded(next);
                targets.Add(Target.From(i, el, swappable));
            }

            return new BaseDocument(name, document, targets, elements.Select(e => e.HasElements ? string.Empty : e.Value).ToList());
        }
    }

    /// <summary>One element of a base document and the facts of its declaration and type.</summary>
    private sealed class Target
    {
        public int Index { get; private init; }

        public string Path { get; private init; } = string.Empty;

        public bool IsRoot { get; private init; }

        public bool IsSimple { get; private init; }

        public bool SwappableWithNext { get; private init; }

        /// <summary>The parent and element name, e.g. "Product/Categorie".</summary>
        public string Shape { get; private init; } = string.Empty;

        public bool IsBerichtCode => Path.EndsWith("/Header/BerichtCode", StringComparison.Ordinal);

        public decimal MinOccurs { get; private init; } = 1;

        public string MaxOccursText { get; private init; } = "1";

        public List<string> Enumerations { get; } = [];

        public List<string> Patterns { get; } = [];

        public int? MaxLength { get; private set; }

        public string? MinInclusive { get; private set; }

        public string? MaxInclusive { get; private set; }

        public XmlTypeCode TypeCode { get; private set; } = XmlTypeCode.None;

        public static Target From(int index, XElement el, bool swappable)
        {
            var info = el.GetSchemaInfo();
            var decl = info?.SchemaElement;
            var target = new Target
            {
                Index = index,
                Path = PathOf(el),
                Shape = $"{el.Parent?.Name.LocalName}/{el.Name.LocalName}",
                IsRoot = el.Parent is null,
                SwappableWithNext = swappable,
                IsSimple = info?.SchemaType is XmlSchemaSimpleType,
                MinOccurs = decl?.MinOccurs ?? 1,
                MaxOccursText = decl is null ? "?" : decl.MaxOccurs == decimal.MaxValue ? "unbounded" : decl.MaxOccurs.ToString(CultureInfo.InvariantCulture),
            };

            if (info?.SchemaType is XmlSchemaSimpleType simple)
            {
                target.TypeCode = simple.Datatype?.TypeCode ?? XmlTypeCode.None;
                for (XmlSchemaSimpleType? st = simple; st is not null; st = st.BaseXmlSchemaType as XmlSchemaSimpleType)
                {
                    if (st.Content is not XmlSchemaSimpleTypeRestriction restriction)
                    {
                        continue;
                    }

                    var enumerations = restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value!).ToList();
                    if (target.Enumerations.Count == 0)
                    {
                        // Only the most derived enumeration counts.
                        target.Enumerations.AddRange(enumerations);
                    }

                    target.Patterns.AddRange(restriction.Facets.OfType<XmlSchemaPatternFacet>().Select(f => f.Value!));
                    foreach (var facet in restriction.Facets.OfType<XmlSchemaFacet>())
                    {
                        switch (facet)
                        {
                            case XmlSchemaMaxLengthFacet when int.TryParse(facet.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ml):
                                target.MaxLength = target.MaxLength is null ? ml : Math.Min(target.MaxLength.Value, ml);
                                break;
                            case XmlSchemaMaxInclusiveFacet:
                                target.MaxInclusive ??= facet.Value;
                                break;
                            case XmlSchemaMinInclusiveFacet:
                                target.MinInclusive ??= facet.Value;
                                break;
                        }
                    }
                }

                if (target.TypeCode is not (XmlTypeCode.Date or XmlTypeCode.Time) && simple.Datatype?.ValueType == typeof(decimal))
                {
                    target.TypeCode = XmlTypeCode.Integer;
                }
            }

            return target;
        }

        private static string PathOf(XElement el)
        {
            var parts = el.AncestorsAndSelf().Reverse().Select(e =>
            {
                var same = e.Parent?.Elements(e.Name).ToList();
                return same is { Count: > 1 } ? $"{e.Name.LocalName}[{same.IndexOf(e) + 1}]" : e.Name.LocalName;
            });
            return "/" + string.Join('/', parts);
        }
    }
}
