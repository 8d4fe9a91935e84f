using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Validation;

/// <summary>
/// Level 1 of the standard in one forward-only pass: technical file rules (size OP179; UTF-8 without
/// a BOM, OP192; no DTD), well-formedness, classification by root namespace (and, for the inbox,
/// direction: see <see cref="MessageScope"/>), BerichtCode against the namespace (RS047), and XSD
/// validation against the configured <see cref="SchemaCatalogue"/>. Memory stays flat whatever the
/// size of the message. Bad input is a value: this never throws for anything the input contains.
/// </summary>
public sealed partial class MessageValidator
{
    /// <summary>OP179: a message file is at most 25 MB.</summary>
    public const long DefaultMaxMessageBytes = 25L * 1024 * 1024;

    /// <summary>A junk file can fail on every element; past this many, findings are counted, not kept.</summary>
    public const int MaxFindings = 500;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// First bytes that show the file is not UTF-8 at all (XML 1.0 appendix F). Longer patterns
    /// first: a UTF-32 little-endian BOM starts like the UTF-16 one.
    /// </summary>
    private static readonly (byte[] Start, string What)[] ForeignEncodings =
    [
        ([0x00, 0x00, 0xFE, 0xFF], "starts with a UTF-32 byte order mark (00 00 FE FF, big-endian)"),
        ([0xFF, 0xFE, 0x00, 0x00], "starts with a UTF-32 byte order mark (FF FE 00 00, little-endian)"),
        ([0xFE, 0xFF], "starts with a UTF-16 byte order mark (FE FF, big-endian)"),
        ([0xFF, 0xFE], "starts with a UTF-16 byte order mark (FF FE, little-endian)"),
        ([0x00, 0x00, 0x00, 0x3C], "is UTF-32 (big-endian) without a byte order mark"),
        ([0x3C, 0x00, 0x00, 0x00], "is UTF-32 (little-endian) without a byte order mark"),
        ([0x00, 0x3C], "is UTF-16 (big-endian) without a byte order mark"),
        ([0x3C, 0x00], "is UTF-16 (little-endian) without a byte order mark"),
    ];

    private readonly SchemaCatalogue _catalogue;
    private readonly long _maxBytes;

    public MessageValidator(SchemaCatalogue catalogue, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        _catalogue = catalogue;
        _maxBytes = maxMessageBytes;
    }

    public SchemaCatalogue Catalogue => _catalogue;

    /// <summary>
    /// Classifies and validates one message as the inbox takes it in (<see cref="MessageScope.Inbound"/>):
    /// the safe default, because an answer of our own in the inbox must never be taken for one
    /// received. The stream is read once, forward only.
    /// </summary>
    public ValidationReport Validate(Stream input) => Validate(input, MessageScope.Inbound);

    /// <summary>
    /// Classifies and validates one message. <paramref name="scope"/> says whether the answers the
    /// municipality sends itself (306, 308, 316, 318, 325) are in scope: not for the inbox
    /// (<see cref="MessageScope.Inbound"/>), yes for staff checking outgoing answers
    /// (<see cref="MessageScope.AnyDirection"/>). The stream is read once, forward only.
    /// </summary>
    public ValidationReport Validate(Stream input, MessageScope scope) => Run(input, classify: true, scope, readAlong: null);

    /// <summary>
    /// Level 1 as <see cref="Validate(Stream, MessageScope)"/>, with <paramref name="readAlong"/>
    /// pulling the same pass (the typed message reader): it sees each node just after level 1 has,
    /// so the bytes are read once for both. When it returns, level 1 reads on to the end. What it
    /// read is handed out only when the message passed level 1: nothing is taken from a message that
    /// did not.
    /// </summary>
    internal ValidationReport Validate<T>(Stream input, MessageScope scope, Func<XmlPass, T> readAlong, out T? read)
        where T : class
    {
        T? result = null;
        var report = Run(input, classify: true, scope, pass => result = readAlong(pass));
        read = report.Valid ? result : null;
        return report;
    }

    /// <summary>XSD verdict only, for any document the catalogue has a schema for (no iWmo classification).</summary>
    internal ValidationReport ValidateAgainstCatalogue(Stream input) => Run(input, classify: false, MessageScope.AnyDirection, readAlong: null);

    private ValidationReport Run(Stream input, bool classify, MessageScope scope, Action<XmlPass>? readAlong)
    {
        var scan = new Scan(classify, scope);
        try
        {
            if (RemainingLength(input) is { } length && length > _maxBytes)
            {
                return scan.Stop(Verdict.TooLarge, new Finding(1, "OP179", null, null, null, null, string.Create(
                    CultureInfo.InvariantCulture, $"The file is {length:N0} bytes; a message may be at most {_maxBytes:N0} bytes (OP179, transport code IB003).")));
            }

            using var guarded = new GuardedStream(input, _maxBytes);
            if (guarded.StartsWith(Utf8Bom))
            {
                // OP192: UTF-8 without a byte order mark. The content is still UTF-8, so this is
                // recorded and the pass goes on: the sender also hears about anything else wrong.
                scan.Add(new Finding(1, "OP192", null, null, 1, 1,
                    "The file starts with a UTF-8 byte order mark (BOM, EF BB BF); iWmo files are UTF-8 without a BOM. This is the file-format rule OP192, not an XSD error."));
            }
            else if (ForeignEncodings.FirstOrDefault(e => guarded.StartsWith(e.Start)).What is { } foreign)
            {
                // OP192: the content is not UTF-8, so nothing after this is read as the standard
                // means it; one precise finding says more than the parse errors that would follow.
                return scan.Stop(Verdict.Invalid, new Finding(1, "OP192", null, null, 1, 1,
                    $"The file {foreign}; iWmo files are UTF-8 without a byte order mark (file-format rule OP192)."));
            }

            using var reader = XmlReader.Create(guarded, ReaderSettings(scan));
            scan.Reader = reader;
            var pass = new XmlPass(reader, r => scan.Observe(r, _catalogue));
            readAlong?.Invoke(pass);
            pass.ReadToEnd();
            return scan.Finish();
        }
        catch (GuardedStream.LimitExceededException)
        {
            return scan.Stop(Verdict.TooLarge, new Finding(1, "OP179", null, null, null, null, string.Create(
                CultureInfo.InvariantCulture, $"The file is larger than {_maxBytes:N0} bytes, the most a message may be (OP179, transport code IB003).")));
        }
        catch (XmlException ex)
        {
            return EncodingDeclarationError(ex) is { } encoding
                ? scan.Stop(Verdict.Invalid, encoding)
                : scan.Stop(Verdict.Unreadable, Unreadable(ex, scan));
        }
    }

    /// <summary>
    /// OP192 for a declaration the parser cannot even switch to: an encoding it does not know, or a
    /// UTF-16 declaration on 8-bit content. A declared encoding it can read is seen as the
    /// declaration node goes by (<see cref="Scan.Observe"/>).
    /// </summary>
    private static Finding? EncodingDeclarationError(XmlException ex)
    {
        var text = ex.Message;
        var unknown = UnsupportedEncoding().Match(text);
        if (unknown.Success)
        {
            return DeclaredEncoding(unknown.Groups[1].Value, NullIfZero(ex.LineNumber), NullIfZero(ex.LinePosition), readable: false);
        }

        return text.Contains("Cannot switch to Unicode", StringComparison.Ordinal)
            ? new Finding(1, "OP192", null, null, NullIfZero(ex.LineNumber), NullIfZero(ex.LinePosition),
                "The file declares a UTF-16 (Unicode) encoding; iWmo files are UTF-8 (file-format rule OP192).")
            : null;
    }

    /// <summary>
    /// The OP192 finding for <c>encoding="..."</c> other than UTF-8. The name is shown only when it
    /// has the form of an encoding name (XML 1.0 EncName), so no other content ends up in a finding.
    /// </summary>
    private static Finding DeclaredEncoding(string name, int? line, int? column, bool readable)
    {
        var declares = EncodingName().IsMatch(name) ? $"declares encoding {name}" : "declares an encoding other than UTF-8";
        var unreadable = readable ? string.Empty : " (not one this service can read)";
        return new Finding(1, "OP192", null, null, line, column, $"The file {declares}{unreadable}; iWmo files are UTF-8 (file-format rule OP192).");
    }

    private static int? NullIfZero(int value) => value == 0 ? null : value;

    /// <summary>
    /// The size when the stream knows it: seekable files, and database blob streams that know
    /// their length without seeking. Otherwise the guard counts bytes as they are read.
    /// </summary>
    private static long? RemainingLength(Stream input)
    {
        if (input.CanSeek)
        {
            return input.Length - input.Position;
        }

        try
        {
            return input.Length;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private XmlReaderSettings ReaderSettings(Scan scan)
    {
        var settings = UntrustedXml.ReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = _catalogue.SchemaSet;
        // Only our schemas count: a document must not choose its own via xsi:schemaLocation.
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += scan.OnValidationEvent;
        return settings;
    }

    private static Finding Unreadable(XmlException ex, Scan scan)
    {
        var text = ex.Message;
        string plain;
        if (text.Contains("DTD", StringComparison.Ordinal) || text.Contains("DOCTYPE", StringComparison.Ordinal))
        {
            plain = "The file contains a DTD (DOCTYPE); DTDs and entities are not allowed in iWmo messages and are never processed.";
        }
        else if (scan.ElementsSeen == 0 && text.Contains("Root element is missing", StringComparison.Ordinal))
        {
            plain = "The file is empty or holds no XML element.";
        }
        else if (text.Contains("Invalid character in the given encoding", StringComparison.Ordinal))
        {
            // Not a markup error: the bytes do not decode, which is OP192 (UTF-8) broken.
            return new Finding(1, "OP192", null, scan.CurrentPath(), NullIfZero(ex.LineNumber), NullIfZero(ex.LinePosition),
                "The file holds bytes that are not valid UTF-8; iWmo files are UTF-8 (file-format rule OP192).");
        }
        else if (text.Contains("Unexpected end of file", StringComparison.Ordinal))
        {
            plain = "The XML ends before it is complete (truncated file?): " + WellFormedness(text);
        }
        else
        {
            plain = "The file is not well-formed XML: " + WellFormedness(text);
        }

        return new Finding(1, null, null, scan.CurrentPath(), ex.LineNumber == 0 ? null : ex.LineNumber, ex.LinePosition == 0 ? null : ex.LinePosition, plain);
    }

    /// <summary>
    /// .NET's schema messages name full namespaces and quote the offending value. Staff need the
    /// element names; the value may be a BSN or a name, so it is dropped.
    /// </summary>
    internal static string Plain(string message)
    {
        var text = NamespaceQualified().Replace(message, "'$1'");
        text = InNamespace().Replace(text, string.Empty);
        text = QuotedValue().Replace(text, "The $1");
        text = PositionSuffix().Replace(text, string.Empty);
        return text.Trim();
    }

    /// <summary>
    /// The parser's well-formedness messages quote the text it stumbled on ("'Jansen' is an
    /// unexpected token"), which can be any content of the message: every quoted part and every
    /// character code is dropped; what kind of error it is, and where, stays.
    /// </summary>
    internal static string WellFormedness(string message)
    {
        var text = PositionSuffix().Replace(message, string.Empty);
        text = AnyQuoted().Replace(text, "'…'");
        text = CharacterCode().Replace(text, string.Empty);
        return text.Trim();
    }

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex AnyQuoted();

    [GeneratedRegex(@",?\s*hexadecimal value 0x[0-9A-Fa-f]+")]
    private static partial Regex CharacterCode();

    [GeneratedRegex(@"'http[^']*?:([A-Za-z_][\w.\-]*)'")]
    private static partial Regex NamespaceQualified();

    [GeneratedRegex(@" in namespace '[^']*'")]
    private static partial Regex InNamespace();

    [GeneratedRegex(@"The (value|string) '[^']*'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?\s*$")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"has invalid child element '([^']+)'\. List of possible elements expected: '([^']+)'\.$")]
    private static partial Regex OneExpectedInstead();

    [GeneratedRegex(@"has incomplete content\. List of possible elements expected: '([^']+)'\.$")]
    private static partial Regex OneExpectedAtEnd();

    [GeneratedRegex(@"^http://www\.istandaarden\.nl/(?<std>[a-z]+)/(?<major>\d+)_(?<minor>\d+)/(?<msg>[a-z]+\d+)/schema")]
    private static partial Regex IStandaardNamespace();

    [GeneratedRegex(@"System does not support '([^']*)' encoding")]
    private static partial Regex UnsupportedEncoding();

    /// <summary>XML 1.0 EncName, bounded: <c>[A-Za-z] ([A-Za-z0-9._] | '-')*</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._\-]{0,39}$")]
    private static partial Regex EncodingName();

    /// <summary>State of one pass: the element path, header facts and findings so far.</summary>
    private sealed class Scan(bool classify, MessageScope scope)
    {
        private const string BerichtCodePath = "/Bericht/Header/BerichtCode";

        private readonly List<Finding> _findings = [];
        private readonly ElementPath _path = new();
        private int _omitted;
        private string? _standard;
        private MessageType? _type;
        private string? _berichtCode;
        private string? _afzender;
        private string? _ontvanger;
        private string? _identificatie;
        private string? _dagtekening;
        private string? _textTarget;
        private Verdict? _stoppedWith;
        private (int? Line, int? Column) _berichtCodeAt;
        private Finding? _berichtCodeXsd;

        public XmlReader? Reader { get; set; }

        public int ElementsSeen { get; private set; }

        public void Add(Finding finding)
        {
            if (_findings.Count < MaxFindings)
            {
                _findings.Add(finding);
            }
            else
            {
                _omitted++;
            }
        }

        /// <summary>Tracks the path and reads header values; false ends the pass early.</summary>
        public bool Observe(XmlReader reader, SchemaCatalogue catalogue)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration when reader.GetAttribute("encoding") is { } encoding
                    && !encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase):
                    // OP192. The parser reads the declared encoding, so the pass goes on (as for a BOM).
                    Add(DeclaredEncoding(encoding, LineOf(), ColumnOf(), readable: true));
                    break;
                case XmlNodeType.Element:
                    ElementsSeen++;
                    _path.Push(reader.LocalName);
                    if (_path.Depth == 1 && !Classify(reader.NamespaceURI, catalogue))
                    {
                        return false;
                    }

                    _textTarget = HeaderField();
                    if (_textTarget is not null)
                    {
                        SetHeaderField(_textTarget, null);
                        if (_textTarget == "BerichtCode")
                        {
                            _berichtCodeAt = (LineOf(), ColumnOf());
                        }
                    }

                    if (reader.IsEmptyElement)
                    {
                        EndOfElement();
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when _textTarget is not null:
                    AppendHeaderField(_textTarget, reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    EndOfElement();
                    break;
            }

            return true;
        }

        public void OnValidationEvent(object? sender, ValidationEventArgs e)
        {
            if (_stoppedWith is not null)
            {
                return;
            }

            if (e.Severity == XmlSeverityType.Warning)
            {
                // A warning here means an element or attribute with no schema information, i.e.
                // something our schemas do not declare; for a message that is an error.
                if (!e.Message.Contains("Could not find schema information", StringComparison.Ordinal))
                {
                    return;
                }
            }

            var (path, message) = Locate(e.Message);
            var finding = new Finding(1, "XSD", null, path, NullIfZero(e.Exception.LineNumber), NullIfZero(e.Exception.LinePosition), message);
            if (_type is not null && path == BerichtCodePath && Reader is { LocalName: "BerichtCode" } r
                && (r.NodeType == XmlNodeType.EndElement || (r.NodeType == XmlNodeType.Element && r.IsEmptyElement)))
            {
                // The value error of Header/BerichtCode comes on the read that closes it, just before
                // CheckBerichtCode sees the element close; that check decides whether it stands.
                _berichtCodeXsd = finding;
                return;
            }

            Add(finding);
        }

        /// <summary>Leaves the current element; a Header/BerichtCode is checked against the namespace as it closes.</summary>
        private void EndOfElement()
        {
            if (_type is not null && _path.Depth == 3 && _path.NameFromTop(1) == "BerichtCode" && CurrentPath() == BerichtCodePath)
            {
                CheckBerichtCode(_type);
            }

            _path.Pop();
            _textTarget = null;
        }

        /// <summary>
        /// RS047: the BerichtCode is the one the specification fixes for the message the namespace
        /// names (iwmo-3.2.md §3). The XSD checks it only as a pattern; this says which code belongs
        /// where. Only a code of at most three digits is quoted: it is a code, never personal data.
        /// </summary>
        private void CheckBerichtCode(MessageType type)
        {
            var code = _berichtCode?.Trim() ?? string.Empty;
            var expected = type.BerichtCode.ToString(CultureInfo.InvariantCulture);
            var xsd = _berichtCodeXsd;
            _berichtCodeXsd = null;
            if (code == expected)
            {
                if (xsd is not null)
                {
                    Add(xsd);
                }

                return;
            }

            string what;
            if (code.Length == 0)
            {
                what = $"BerichtCode is empty; {type} has BerichtCode {expected}";
            }
            else if (code.Length <= 3 && code.All(char.IsAsciiDigit))
            {
                var other = MessageType.FromBerichtCode(int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture));
                what = $"BerichtCode {code} does not belong to {type} (expected {expected}); "
                    + (other is null ? $"{code} is not the code of any iWmo 3.2 message" : $"{code} is the BerichtCode of {other}");
            }
            else
            {
                what = $"BerichtCode is not a three-digit code; {type} has BerichtCode {expected}";
            }

            // Replaces the XSD pattern error, which says only that the value does not match.
            Add(new Finding(1, "RS047", null, BerichtCodePath, _berichtCodeAt.Line, _berichtCodeAt.Column,
                $"{what}. The namespace says this is a {type} (RS047: BerichtCode as the specification fixes it)."));
        }

        public ValidationReport Stop(Verdict verdict, Finding finding)
        {
            _stoppedWith = verdict;
            Add(finding);
            return Report(verdict);
        }

        public ValidationReport Finish()
        {
            if (_stoppedWith is { } stopped)
            {
                return Report(stopped);
            }

            if (_berichtCodeXsd is { } held)
            {
                // Never reached in practice (the element's close takes it), but no finding is ever dropped.
                Add(held);
                _berichtCodeXsd = null;
            }

            if (ElementsSeen == 0)
            {
                return Stop(Verdict.Unreadable, new Finding(1, null, null, null, null, null, "The file is empty or holds no XML element."));
            }

            return Report(_findings.Count == 0 ? Verdict.Valid : Verdict.Invalid);
        }

        public string? CurrentPath() => _path.Depth == 0 ? null : _path.ToString();

        private ValidationReport Report(Verdict verdict)
        {
            int? code = int.TryParse(_berichtCode?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
            return new ValidationReport(
                verdict,
                _standard,
                _type?.Name ?? _otherType,
                code,
                new MessageHeaderFacts(_afzender?.Trim(), _ontvanger?.Trim(), _identificatie?.Trim(), _dagtekening?.Trim()),
                _findings.ToArray(),
                _omitted);
        }

        private string? _otherType;

        private bool Classify(string ns, SchemaCatalogue catalogue)
        {
            if (!classify)
            {
                _standard = null;
                if (!catalogue.Supports(ns))
                {
                    _findings.Clear();
                    Stop(Verdict.Unsupported, new Finding(1, null, null, CurrentPath(), LineOf(), ColumnOf(), $"No schema in the set for namespace '{ns}'."));
                    return false;
                }

                return true;
            }

            _type = MessageType.FromNamespace(ns);
            if (_type is not null)
            {
                _standard = "iWmo 3.2";
                if (scope == MessageScope.Inbound && _type.IsMunicipalityAnswer)
                {
                    _findings.Clear();
                    Stop(Verdict.Unsupported, new Finding(1, null, null, CurrentPath(), LineOf(), ColumnOf(),
                        $"{_type} is the answer on a {_type.AnswersName}: an answer message the municipality itself sends, not a message this service takes in."));
                    return false;
                }

                if (!catalogue.Supports(ns))
                {
                    _findings.Clear();
                    Stop(Verdict.Unsupported, new Finding(1, null, null, CurrentPath(), LineOf(), ColumnOf(),
                        $"The configured schema set ({catalogue.Directory}) has no schema for {_type.Name}; this message cannot be validated."));
                    return false;
                }

                return true;
            }

            var match = IStandaardNamespace().Match(ns);
            string what;
            if (match.Success)
            {
                var std = match.Groups["std"].Value switch
                {
                    "iwmo" => "iWmo",
                    "ijw" => "iJw",
                    var other => other,
                };
                _standard = $"{std} {match.Groups["major"].Value}.{match.Groups["minor"].Value}";
                _otherType = match.Groups["msg"].Value.ToUpperInvariant();
                what = _standard == "iWmo 3.2"
                    ? $"{_otherType} is not a message of iWmo 3.2 (unknown message type in the iWmo 3.2 namespace family). The iWmo 3.2 messages are {string.Join(", ", MessageType.All)}."
                    : $"This is an {_standard} message ({_otherType}). This service takes iWmo 3.2 messages only; {_standard} is not supported (yet).";
            }
            else if (ns.StartsWith("http://www.stufstandaarden.nl/koppelvlak/ggk", StringComparison.Ordinal))
            {
                _standard = "StUF-GGk";
                what = "This is a StUF-GGk envelope; envelopes are handled by the GGk transport adapter, not by the message inbox.";
            }
            else
            {
                what = ns.Length == 0
                    ? $"The root element '{_path.Name(0)}' has no namespace; this is not an iWmo 3.2 message."
                    : $"Unknown namespace '{ns}'; this is not an iWmo 3.2 message.";
            }

            // The validating reader already warned that it has no schema for this root; the
            // classification says it better.
            _findings.Clear();
            Stop(Verdict.Unsupported, new Finding(1, null, null, CurrentPath(), LineOf(), ColumnOf(), what));
            return false;
        }

        /// <summary>
        /// The validator reports a start tag before <see cref="Observe"/> has pushed it, and
        /// content errors at the end tag before it is popped; the path is built accordingly.
        /// </summary>
        private (string? Path, string Message) Locate(string raw)
        {
            var plain = Plain(raw);
            var current = CurrentPath() ?? string.Empty;
            var atStartTag = Reader is { NodeType: XmlNodeType.Element };
            var instead = OneExpectedInstead().Match(plain);
            if (instead.Success && atStartTag)
            {
                // The XSD names the element that follows a missing one; staff want the missing one.
                return ($"{current}/{instead.Groups[2].Value}", $"Element '{instead.Groups[2].Value}' is missing or out of order: found '{instead.Groups[1].Value}' where '{instead.Groups[2].Value}' is expected.");
            }

            var atEnd = OneExpectedAtEnd().Match(plain);
            if (atEnd.Success && _path.Depth > 0)
            {
                return ($"{current}/{atEnd.Groups[1].Value}", $"Element '{atEnd.Groups[1].Value}' is missing at the end of '{_path.NameFromTop(1)}'.");
            }

            if (atStartTag && _path.Depth > 0)
            {
                return (_path.WithChild(Reader!.LocalName), plain);
            }

            return (current.Length == 0 ? null : current, plain);
        }

        private int? LineOf() => Reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

        private int? ColumnOf() => Reader is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : null;

        private string? HeaderField()
        {
            if (_path.Depth < 3 || _path.Name(1) != "Header")
            {
                return null;
            }

            return (_path.Depth, _path.NameFromTop(1), _path.NameFromTop(2)) switch
            {
                (3, "BerichtCode" or "Afzender" or "Ontvanger", _) => _path.NameFromTop(1),
                (4, "Identificatie" or "Dagtekening", "BerichtIdentificatie") => _path.NameFromTop(1),
                _ => null,
            };
        }

        /// <summary>A value can come in more than one text node; it is put together, then trimmed when used.</summary>
        private void AppendHeaderField(string field, string text) => SetHeaderField(field, HeaderFieldValue(field) + text);

        private string? HeaderFieldValue(string field) => field switch
        {
            "BerichtCode" => _berichtCode,
            "Afzender" => _afzender,
            "Ontvanger" => _ontvanger,
            "Identificatie" => _identificatie,
            _ => _dagtekening,
        };

        private void SetHeaderField(string field, string? value)
        {
            switch (field)
            {
                case "BerichtCode": _berichtCode = value; break;
                case "Afzender": _afzender = value; break;
                case "Ontvanger": _ontvanger = value; break;
                case "Identificatie": _identificatie = value; break;
                case "Dagtekening": _dagtekening = value; break;
            }
        }
    }
}
