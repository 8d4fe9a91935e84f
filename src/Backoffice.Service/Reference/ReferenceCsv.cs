using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Data.Reference;
using CsvHelper;

namespace Backoffice.Service.Reference;

/// <summary>What a reference file held: its rows (only when none was rejected) and the rejections.</summary>
internal sealed record ReferenceCsvResult(IReadOnlyList<ReferenceRow> Rows, int RowsRead, IReadOnlyList<ReferenceProblem> Problems);

/// <summary>
/// The CSV files of <c>backoffice import</c> (README, "Reference data"): UTF-8 with or without a BOM,
/// comma-separated, quoted fields per RFC 4180, a header row with exactly the kind's column names
/// (in any order), one row per key. Every rejected row is reported with its physical line (the
/// header is line 1) and its column; a reason never quotes a value, so a BSN (even one that a
/// missing comma moved into another column) never reaches output or logs.
/// </summary>
internal static class ReferenceCsv
{
    public const char Separator = ',';

    /// <summary>LDT_ProductCategorie (WMO020): 01 to 18.</summary>
    private const int LastCategorie = 18;

    private const int NameLength = 200;
    private const int ArrangementLength = 20;

    private static readonly string[] MunicipalityColumns = ["cbs_code", "name"];
    private static readonly string[] ProviderColumns = ["agb_code", "name"];
    private static readonly string[] ProductColumns =
    [
        "product_categorie", "product_code", "description", "eenheid", "frequentie", "financing", "arrangement_code",
        "begindatum", "einddatum",
    ];

    private static readonly string[] ContractColumns =
    [
        "provider", "product_categorie", "product_code", "begindatum", "einddatum", "tariff_cents", "eenheid", "partial_month_in_full",
    ];

    private static readonly string[] IndicationColumns =
    [
        "indication_number", "municipality", "bsn", "product_categorie", "product_code", "arrangement_code",
        "begindatum", "einddatum", "decision_date", "status",
    ];

    /// <summary>The header of <paramref name="kind"/>'s files, in the order the README and the demo files use.</summary>
    public static IReadOnlyList<string> Columns(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Municipalities => MunicipalityColumns,
        ReferenceKind.Providers => ProviderColumns,
        ReferenceKind.Products => ProductColumns,
        ReferenceKind.Contracts => ContractColumns,
        ReferenceKind.Indications => IndicationColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind."),
    };

    public static ReferenceCsvResult Parse(ReferenceKind kind, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (EncodingProblem(content) is { } encoding)
        {
            return new ReferenceCsvResult([], 0, [encoding]);
        }

        var problems = new List<ReferenceProblem>();
        var skipped = 0;
        var options = CsvReaderOptions.Default with
        {
            Separator = Separator,
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            IncludeValuesInExceptions = false,
            DetectSeparatorHint = false,
            OnMalformedRecord = malformed =>
            {
                skipped++;
                problems.Add(new ReferenceProblem((int)malformed.LineNumber, null, Malformed(malformed.Reason)));
            },
        };

        using var reader = CsvReader.Create(content, options);
        var columns = Columns(kind);
        var index = HeaderIndex(reader.Headers, columns, problems);
        if (index is null)
        {
            return new ReferenceCsvResult([], 0, problems);
        }

        var rows = new List<ReferenceRow>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        while (reader.Read())
        {
            read++;
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != reader.Headers.Count)
            {
                problems.Add(new ReferenceProblem(line, null, string.Create(CultureInfo.InvariantCulture, $"{reader.FieldCount} {Plural(reader.FieldCount, "field", "fields")} where the header has {reader.Headers.Count}")));
                continue;
            }

            var fields = new Fields(reader, index, line, problems);
            ReferenceRow? row = kind switch
            {
                ReferenceKind.Municipalities => Municipality(fields),
                ReferenceKind.Providers => Provider(fields),
                ReferenceKind.Products => Product(fields),
                ReferenceKind.Contracts => Contract(fields),
                _ => Indication(fields),
            };
            if (row is null)
            {
                continue;
            }

            if (firstLine.TryGetValue(row.Key, out var first))
            {
                problems.Add(new ReferenceProblem(line, columns[0], string.Create(CultureInfo.InvariantCulture, $"the same key as line {first}; a file has one row per key")));
                continue;
            }

            firstLine.Add(row.Key, line);
            rows.Add(row);
        }

        var sorted = problems.OrderBy(p => p.Line).ToList();
        return new ReferenceCsvResult(sorted.Count == 0 ? rows : [], read + skipped, sorted);
    }

    // UTF-8 only: a UTF-16 or UTF-32 export and bytes that are not UTF-8 (a Windows-1252 export)
    // are refused with the line of the first bad byte, never read as garbled names.
    private static ReferenceProblem? EncodingProblem(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new ReferenceProblem(1, null, "the file is UTF-16 or UTF-32; save it as UTF-8");
        }

        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return new ReferenceProblem(1 + bytes[..offset].Count((byte)'\n'), null, "not valid UTF-8; save the file as UTF-8");
    }

    // The position of each expected column in the file, or null (with the reasons) when the header
    // is not exactly the kind's columns. Unknown names are reported by position, never quoted:
    // a file without its header would otherwise put a data row (a BSN) into the message.
    private static int[]? HeaderIndex(IReadOnlyList<string> header, IReadOnlyList<string> columns, List<ReferenceProblem> problems)
    {
        var expected = string.Join(Separator, columns);
        if (header.Count == 0)
        {
            problems.Add(new ReferenceProblem(1, null, $"the file is empty; it needs the header row {expected}"));
            return null;
        }

        var index = Enumerable.Repeat(-1, columns.Count).ToArray();
        var unknown = new List<int>();
        var repeated = new List<int>();
        for (var position = 0; position < header.Count; position++)
        {
            var column = IndexOf(columns, header[position].Trim());
            if (column < 0)
            {
                unknown.Add(position + 1);
            }
            else if (index[column] >= 0)
            {
                repeated.Add(position + 1);
            }
            else
            {
                index[column] = position;
            }
        }

        var missing = columns.Where((_, column) => index[column] < 0).ToList();
        if (unknown.Count == 0 && repeated.Count == 0 && missing.Count == 0)
        {
            return index;
        }

        if (header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal))
        {
            problems.Add(new ReferenceProblem(1, null, "the header is separated by ';'; these files are separated by ',' (comma)"));
        }

        if (unknown.Count > 0)
        {
            problems.Add(new ReferenceProblem(1, null, $"{Plural(unknown.Count, "header column", "header columns")} {string.Join(", ", unknown.Select(Number))} {(unknown.Count == 1 ? "is not a column" : "are not columns")} of this kind"));
        }

        if (repeated.Count > 0)
        {
            problems.Add(new ReferenceProblem(1, null, $"{Plural(repeated.Count, "header column", "header columns")} {string.Join(", ", repeated.Select(Number))} {(repeated.Count == 1 ? "repeats an earlier column" : "repeat earlier columns")}"));
        }

        if (missing.Count > 0)
        {
            problems.Add(new ReferenceProblem(1, null, $"the header lacks {string.Join(", ", missing)}"));
        }

        problems.Add(new ReferenceProblem(1, null, $"the header must have exactly these columns, in any order: {expected}"));
        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 row", "2 rows": the word without the count.</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field (quote the whole field and double the quote inside it)",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        _ => "malformed quoting",
    };

    private static MunicipalityRow? Municipality(Fields f)
    {
        var code = f.Digits("cbs_code", 0, 4, "the CBS code");
        var name = f.Name("name", 1);
        return f.Ok && code is not null && name is not null ? new MunicipalityRow(f.Line, code, name) : null;
    }

    private static ProviderRow? Provider(Fields f)
    {
        var code = f.Digits("agb_code", 0, 8, "the AGB code");
        var name = f.Name("name", 1);
        return f.Ok && code is not null && name is not null ? new ProviderRow(f.Line, code, name) : null;
    }

    private static IndicationRow? Indication(Fields f)
    {
        var number = f.Number("indication_number", 0);
        var municipality = f.Digits("municipality", 1, 4, "the CBS code");
        var bsn = f.Bsn("bsn", 2);
        var categorie = f.Categorie("product_categorie", 3, required: false);
        var code = f.ProductCode("product_code", 4, required: false);
        var arrangement = f.Arrangement("arrangement_code", 5);
        var begin = f.Date("begindatum", 6, required: true);
        var end = f.Date("einddatum", 7, required: false);
        var decision = f.Date("decision_date", 8, required: true);
        var status = f.Status("status", 9);

        if (f.Has(3) && f.Has(5))
        {
            f.Reject("arrangement_code", "give a product (product_categorie, product_code) or an arrangement_code, not both");
        }
        else if (!f.Has(3) && !f.Has(5))
        {
            f.Reject(f.Has(4) ? "product_categorie" : "arrangement_code", f.Has(4)
                ? "a product_code needs its product_categorie"
                : "give a product (product_categorie, optionally product_code) or an arrangement_code");
        }
        else if (f.Has(4) && !f.Has(3))
        {
            f.Reject("product_code", "a product_code goes with a product_categorie, not with an arrangement_code");
        }

        f.EndNotBefore(begin, end);
        return f.Ok && number is not null && municipality is not null && bsn is not null && begin is not null && decision is not null && status is not null
            ? new IndicationRow(f.Line, number, municipality, bsn, categorie, code, arrangement, begin.Value, end, decision.Value, status.Value)
            : null;
    }

    private static ProductRow? Product(Fields f)
    {
        var categorie = f.Categorie("product_categorie", 0, required: true);
        var code = f.ProductCode("product_code", 1, required: true);
        var description = f.Name("description", 2);
        var eenheid = f.Code("eenheid", 3, CatalogueCodes.Eenheden, "WJ756 code (Eenheid)");
        var frequentie = f.Code("frequentie", 4, CatalogueCodes.Frequenties, "WMO757 code (Frequentie)");
        var financing = f.Word<FinancingForm>("financing", 5, ReferenceWords.FinancingForms, ReferenceWords.Of);
        var arrangement = f.Arrangement("arrangement_code", 6);
        var begin = f.Date("begindatum", 7, required: true);
        var end = f.Date("einddatum", 8, required: false);
        f.EndNotBefore(begin, end);
        return f.Ok && categorie is not null && code is not null && description is not null && eenheid is not null && frequentie is not null && financing is not null && begin is not null
            ? new ProductRow(f.Line, categorie, code, description, eenheid, frequentie, financing.Value, arrangement, begin.Value, end)
            : null;
    }

    private static ContractRow? Contract(Fields f)
    {
        var provider = f.Digits("provider", 0, 8, "the AGB code");
        var categorie = f.Categorie("product_categorie", 1, required: true);
        var code = f.ProductCode("product_code", 2, required: true);
        var begin = f.Date("begindatum", 3, required: true);
        var end = f.Date("einddatum", 4, required: false);
        var tariff = f.Cents("tariff_cents", 5);
        var eenheid = f.Code("eenheid", 6, CatalogueCodes.Eenheden, "WJ756 code (Eenheid)");
        var partialMonth = f.Flag("partial_month_in_full", 7);
        f.EndNotBefore(begin, end);
        return f.Ok && provider is not null && categorie is not null && code is not null && begin is not null && tariff is not null && eenheid is not null && partialMonth is not null
            ? new ContractRow(f.Line, provider, categorie, code, begin.Value, end, tariff.Value, eenheid, partialMonth.Value)
            : null;
    }

    /// <summary>The fields of one record by the kind's column order, and the checks every kind's columns share.</summary>
    private sealed class Fields(CsvReader reader, int[] index, int line, List<ReferenceProblem> problems)
    {
        private readonly string?[] values = new string?[index.Length];

        public int Line { get; } = line;

        public bool Ok { get; private set; } = true;

        public void Reject(string column, string reason)
        {
            problems.Add(new ReferenceProblem(Line, column, reason));
            Ok = false;
        }

        /// <summary>Whether the column has a value (spaces around a value do not count).</summary>
        public bool Has(int column) => Value(column) is not null;

        public string? Digits(string column, int position, int length, string what)
        {
            var value = Required(column, position);
            if (value is not null && (value.Length != length || !value.All(char.IsAsciiDigit)))
            {
                Reject(column, string.Create(CultureInfo.InvariantCulture, $"must be {length} digits ({what})"));
                return null;
            }

            return value;
        }

        public string? Name(string column, int position)
        {
            var value = Required(column, position);
            if (value is null)
            {
                return null;
            }

            if (value.Length > NameLength)
            {
                Reject(column, string.Create(CultureInfo.InvariantCulture, $"is longer than {NameLength} characters"));
                return null;
            }

            if (value.Any(char.IsControl))
            {
                Reject(column, "contains a control character (a tab or a line break)");
                return null;
            }

            return value;
        }

        // The BeschikkingNummer: LDT_Nummer, an integer 0..999999999, written once, without
        // leading zeros (so that 0012 and 12 can never be two indications).
        public string? Number(string column, int position)
        {
            var value = Required(column, position);
            if (value is not null && (value.Length is < 1 or > 9 || !value.All(char.IsAsciiDigit)))
            {
                Reject(column, "must be 1 to 9 digits (the BeschikkingNummer)");
                return null;
            }

            if (value is { Length: > 1 } && value[0] == '0')
            {
                Reject(column, "must be written without leading zeros");
                return null;
            }

            return value;
        }

        public string? Bsn(string column, int position)
        {
            var value = Required(column, position);
            if (value is null)
            {
                return null;
            }

            if (value.Length != 9 || !value.All(char.IsAsciiDigit))
            {
                Reject(column, "must be 9 digits");
                return null;
            }

            if (!Core.Standard.Bsn.PassesElfProef(value))
            {
                Reject(column, "does not pass the 11-proef");
                return null;
            }

            return value;
        }

        public string? Categorie(string column, int position, bool required)
        {
            var value = required ? Required(column, position) : Value(position);
            if (value is not null
                && (value.Length != 2 || !value.All(char.IsAsciiDigit) || int.Parse(value, CultureInfo.InvariantCulture) is < 1 or > LastCategorie))
            {
                Reject(column, "must be a product category of WMO020, 01 to 18");
                return null;
            }

            return value;
        }

        // LDT_ProductCode: 1 to 5 characters, not only whitespace; the contract decides the codes.
        public string? ProductCode(string column, int position, bool required)
        {
            var value = required ? Required(column, position) : Value(position);
            if (value is not null && (value.Length > 5 || value.Any(char.IsControl)))
            {
                Reject(column, "must be 1 to 5 characters (LDT_ProductCode)");
                return null;
            }

            return value;
        }

        public string? Arrangement(string column, int position)
        {
            var value = Value(position);
            if (value is not null && (value.Length > ArrangementLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                Reject(column, string.Create(CultureInfo.InvariantCulture, $"must be 1 to {ArrangementLength} letters, digits, '-', '_' or '.'"));
                return null;
            }

            return value;
        }

        public DateOnly? Date(string column, int position, bool required)
        {
            var value = required ? Required(column, position) : Value(position);
            if (value is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Reject(column, "must be a date as yyyy-MM-dd");
                return null;
            }

            return date;
        }

        public IndicationStatus? Status(string column, int position) =>
            Word<IndicationStatus>(column, position, ReferenceWords.Statuses, ReferenceWords.Of);

        /// <summary>A word of a fixed vocabulary, spelled exactly as <paramref name="of"/> spells it (lower case).</summary>
        public T? Word<T>(string column, int position, IReadOnlyList<T> words, Func<T, string> of)
            where T : struct, Enum
        {
            var value = Required(column, position);
            if (value is null)
            {
                return null;
            }

            if (ReferenceWords.TryParse(words, of, value, out var word))
            {
                return word;
            }

            Reject(column, "must be " + string.Join(", ", words.Select(of)));
            return null;
        }

        /// <summary>A code of a code list of the standard (WJ756, WMO757), written as the list writes it.</summary>
        public string? Code(string column, int position, IReadOnlyList<string> codes, string what)
        {
            var value = Required(column, position);
            if (value is not null && !codes.Contains(value, StringComparer.Ordinal))
            {
                Reject(column, $"must be a {what}: {string.Join(", ", codes)}");
                return null;
            }

            return value;
        }

        // Eurocents as a whole number (the standard's own unit for amounts): no sign, no separators,
        // at most 15 digits (a trillion euros), so that it always fits a long and every database.
        public long? Cents(string column, int position)
        {
            var value = Required(column, position);
            if (value is null)
            {
                return null;
            }

            if (value.Length > 15 || !value.All(char.IsAsciiDigit))
            {
                Reject(column, "must be a whole number of eurocents, 0 or more (no sign, separator or decimals)");
                return null;
            }

            return long.Parse(value, CultureInfo.InvariantCulture);
        }

        /// <summary><c>true</c> or <c>false</c>; empty is false.</summary>
        public bool? Flag(string column, int position)
        {
            switch (Value(position))
            {
                case null or "false":
                    return false;
                case "true":
                    return true;
                default:
                    Reject(column, "must be true or false (empty is false)");
                    return null;
            }
        }

        public void EndNotBefore(DateOnly? begin, DateOnly? end)
        {
            if (begin is { } b && end is { } e && e < b)
            {
                Reject("einddatum", "lies before begindatum");
            }
        }

        private string? Required(string column, int position)
        {
            var value = Value(position);
            if (value is null)
            {
                Reject(column, "is empty");
            }

            return value;
        }

        // The value with spaces around it removed (inside quotes too); null when nothing is left.
        private string? Value(int position)
        {
            values[position] ??= reader.GetString(index[position])?.Trim() ?? string.Empty;
            return values[position] is { Length: > 0 } value ? value : null;
        }
    }
}
