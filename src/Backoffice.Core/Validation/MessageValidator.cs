using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Validation;

/// <summary>
/// Level 1 of the standard in one forward-only pass: technical file rules (size OP179, no BOM
/// OP192, no DTD), well-formedness, classification by root namespace and BerichtCode, and XSD
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

    private readonly SchemaCatalogue _catalogue;
    private readonly long _maxBytes;

    public MessageValidator(SchemaCatalogue catalogue, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        _catalogue = catalogue;
        _maxBytes = maxMessageBytes;
    }

    public SchemaCatalogue Catalogue => _catalogue;

    /// <summary>Classifies and validates one message. The stream is read once, forward only.</summary>
    public ValidationReport Validate(Stream input) => Run(input, classify: true);

    /// <summary>XSD verdict only, for any document the catalogue has a schema for (no iWmo classification).</summary>
    internal ValidationReport ValidateAgainstCatalogue(Stream input) => Run(input, classify: false);

    private ValidationReport Run(Stream input, bool classify)
    {
        var scan = new Scan(classify);
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
                // OP192: UTF-8 without a byte order mark. Recorded, and the pass goes on so the
                // sender also hears about anything else that is wrong.
                scan.Add(new Finding(1, "OP192", null, null, 1, 1, "The file starts with a byte order mark (BOM); iWmo files must be UTF-8 without a BOM (OP192)."));
            }

            using var reader = XmlReader.Create(guarded, ReaderSettings(scan));
            scan.Reader = reader;
            while (reader.Read())
            {
                if (!scan.Observe(reader, _catalogue))
                {
                    break;
                }
            }

            return scan.Finish();
        }
        catch (GuardedStream.LimitExceededException)
        {
            return scan.Stop(Verdict.TooLarge, new Finding(1, "OP179", null, null, null, null, string.Create(
                CultureInfo.InvariantCulture, $"The file is larger than {_maxBytes:N0} bytes, the most a message may be (OP179, transport code IB003).")));
        }
        catch (XmlException ex)
        {
            return scan.Stop(Verdict.Unreadable, Unreadable(ex, scan));
        }
    }

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

    /// <summary>State of one pass: the element path, header facts and findings so far.</summary>
    private sealed class Scan(bool classify)
    {
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
                case XmlNodeType.Element:
                    ElementsSeen++;
                    _path.Push(reader.LocalName);
                    if (_path.Depth == 1 && !Classify(reader.NamespaceURI, catalogue))
                    {
                        return false;
                    }

                    _textTarget = HeaderField();
                    if (reader.IsEmptyElement)
                    {
                        _path.Pop();
                    }

                    break;
                case XmlNodeType.Text when _textTarget is not null:
                    SetHeaderField(_textTarget, reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    _path.Pop();
                    _textTarget = null;
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
            Add(new Finding(1, "XSD", null, path, NullIfZero(e.Exception.LineNumber), NullIfZero(e.Exception.LinePosition), message));
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

            if (ElementsSeen == 0)
            {
                return Stop(Verdict.Unreadable, new Finding(1, null, null, null, null, null, "The file is empty or holds no XML element."));
            }

            return Report(_findings.Count == 0 ? Verdict.Valid : Verdict.Invalid);
        }

        public string? CurrentPath() => _path.Depth == 0 ? null : _path.ToString();

        private ValidationReport Report(Verdict verdict)
        {
            int? code = int.TryParse(_berichtCode, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
            return new ValidationReport(
                verdict,
                _standard,
                _type?.Name ?? _otherType,
                code,
                new MessageHeaderFacts(_afzender, _ontvanger, _identificatie, _dagtekening),
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
                what = $"This is an {_standard} message ({_otherType}). This service takes iWmo 3.2 messages only; {_standard} is not supported (yet).";
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

        private static int? NullIfZero(int value) => value == 0 ? null : value;

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

        private void SetHeaderField(string field, string value)
        {
            value = value.Trim();
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
