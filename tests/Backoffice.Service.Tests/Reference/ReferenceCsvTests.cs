using System.Text;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Data.Reference;
using Backoffice.Service.Reference;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Reference;

/// <summary>The CSV formats of the reference kinds: what is read, and every reason a row is refused.</summary>
public sealed class ReferenceCsvTests
{
    private const string IndicationHeader = "indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status";
    private const string GoodIndication = "1001,0384,999900006,01,01A01,,2023-01-01,2023-12-31,2022-12-15,active";
    private const string ProductHeader = "product_categorie,product_code,description,eenheid,frequentie,financing,arrangement_code,begindatum,einddatum";
    private const string GoodProduct = "02,02M11,Arrangement 3-4 ontwikkelen +,82,4,outputgericht,ARR-3-4-ONT-PLUS,2026-01-01,2027-12-31";
    private const string ContractHeader = "provider,product_categorie,product_code,begindatum,einddatum,tariff_cents,eenheid,partial_month_in_full";
    private const string GoodContract = "42420001,02,02M11,2026-01-01,2027-12-31,87750,82,true";

    [Test]
    public void A_municipality_file_with_a_BOM_CRLF_quotes_and_spaces_is_read_as_written()
    {
        var result = Parse(ReferenceKind.Municipalities, "\uFEFFname, cbs_code\r\n\"Diemen, gemeente\" ,0384\r\n  Amsterdam  ,\" 0363 \"\r\n\r\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Rows, Is.EqualTo(new ReferenceRow[] { new MunicipalityRow(2, "0384", "Diemen, gemeente"), new MunicipalityRow(3, "0363", "Amsterdam") }));
        Assert.That(result.RowsRead, Is.EqualTo(2));
    }

    [Test]
    public void A_provider_name_keeps_its_escaped_quotes()
    {
        var result = Parse(ReferenceKind.Providers, "agb_code,name\n98760004,\"Dagbesteding \"\"Het Anker\"\"\"\n");

        Assert.That(result.Rows, Is.EqualTo(new ReferenceRow[] { new ProviderRow(2, "98760004", "Dagbesteding \"Het Anker\"") }));
    }

    [Test]
    public void An_indication_row_is_read_with_its_optional_fields()
    {
        var result = Parse(ReferenceKind.Indications, IndicationHeader + "\n" + GoodIndication + "\n2001,0362,999900031,,,ARR-3-4-ONT-PLUS,2026-01-01,,2025-12-10,superseded\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Rows, Is.EqualTo(new ReferenceRow[]
        {
            new IndicationRow(2, "1001", "0384", "999900006", "01", "01A01", null, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), new DateOnly(2022, 12, 15), IndicationStatus.Active),
            new IndicationRow(3, "2001", "0362", "999900031", null, null, "ARR-3-4-ONT-PLUS", new DateOnly(2026, 1, 1), null, new DateOnly(2025, 12, 10), IndicationStatus.Superseded),
        }));
    }

    [TestCase("0384", "Diemen", null)]
    [TestCase("384", "Diemen", "line 2: cbs_code: must be 4 digits (the CBS code)")]
    [TestCase("03a4", "Diemen", "line 2: cbs_code: must be 4 digits (the CBS code)")]
    [TestCase("", "Diemen", "line 2: cbs_code: is empty")]
    [TestCase("0384", " ", "line 2: name: is empty")]
    [TestCase("0384", "\"Die\tmen\"", "line 2: name: contains a control character (a tab or a line break)")]
    public void Municipality_rows_are_checked(string code, string name, string? problem)
    {
        var result = Parse(ReferenceKind.Municipalities, $"cbs_code,name\n{code},{name}\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(problem is null ? Array.Empty<string>() : new[] { problem }));
    }

    [Test]
    public void A_name_longer_than_the_column_is_refused()
    {
        var result = Parse(ReferenceKind.Providers, $"agb_code,name\n42420001,{new string('n', 201)}\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 2: name: is longer than 200 characters" }));
    }

    [TestCase("agb_code", "4242000", "must be 8 digits (the AGB code)")]
    [TestCase("agb_code", "424200011", "must be 8 digits (the AGB code)")]
    public void Provider_codes_are_checked(string column, string value, string reason)
    {
        var result = Parse(ReferenceKind.Providers, $"agb_code,name\n{value},Zorg\n");

        Assert.That(result.Problems, Is.EqualTo(new[] { new ReferenceProblem(2, column, reason) }));
    }

    [TestCase(0, "", "indication_number", "is empty")]
    [TestCase(0, "1234567890", "indication_number", "must be 1 to 9 digits (the BeschikkingNummer)")]
    [TestCase(0, "A12", "indication_number", "must be 1 to 9 digits (the BeschikkingNummer)")]
    [TestCase(0, "0123", "indication_number", "must be written without leading zeros")]
    [TestCase(1, "384", "municipality", "must be 4 digits (the CBS code)")]
    [TestCase(2, "99990000", "bsn", "must be 9 digits")]
    [TestCase(2, "999900007", "bsn", "does not pass the 11-proef")]
    [TestCase(3, "19", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(3, "00", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(3, "1", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(4, "01A012", "product_code", "must be 1 to 5 characters (LDT_ProductCode)")]
    [TestCase(6, "2023-1-01", "begindatum", "must be a date as yyyy-MM-dd")]
    [TestCase(6, "01-01-2023", "begindatum", "must be a date as yyyy-MM-dd")]
    [TestCase(7, "2023-02-29", "einddatum", "must be a date as yyyy-MM-dd")]
    [TestCase(7, "2022-12-31", "einddatum", "lies before begindatum")]
    [TestCase(8, "", "decision_date", "is empty")]
    [TestCase(9, "Active", "status", "must be active, withdrawn, superseded")]
    [TestCase(9, "", "status", "is empty")]
    public void Indication_fields_are_checked(int field, string value, string column, string reason)
    {
        var fields = GoodIndication.Split(',');
        fields[field] = value;

        var result = Parse(ReferenceKind.Indications, IndicationHeader + "\n" + string.Join(',', fields) + "\n");

        Assert.That(result.Problems, Is.EqualTo(new[] { new ReferenceProblem(2, column, reason) }));
        Assert.That(result.Rows, Is.Empty);
    }

    [TestCase("01", "01A01", "ARR-1", "arrangement_code", "give a product (product_categorie, product_code) or an arrangement_code, not both")]
    [TestCase("", "", "", "arrangement_code", "give a product (product_categorie, optionally product_code) or an arrangement_code")]
    [TestCase("", "01A01", "", "product_categorie", "a product_code needs its product_categorie")]
    [TestCase("", "01A01", "ARR-1", "product_code", "a product_code goes with a product_categorie, not with an arrangement_code")]
    [TestCase("", "", "ARR 1", "arrangement_code", "must be 1 to 20 letters, digits, '-', '_' or '.'")]
    [TestCase("", "", "ARR-123456789012345678", "arrangement_code", "must be 1 to 20 letters, digits, '-', '_' or '.'")]
    public void An_indication_has_a_product_or_an_arrangement(string categorie, string code, string arrangement, string column, string reason)
    {
        var fields = GoodIndication.Split(',');
        (fields[3], fields[4], fields[5]) = (categorie, code, arrangement);

        var result = Parse(ReferenceKind.Indications, IndicationHeader + "\n" + string.Join(',', fields) + "\n");

        Assert.That(result.Problems, Is.EqualTo(new[] { new ReferenceProblem(2, column, reason) }));
    }

    [Test]
    public void A_category_without_a_code_is_a_product()
    {
        var fields = GoodIndication.Split(',');
        fields[4] = string.Empty;

        var result = Parse(ReferenceKind.Indications, IndicationHeader + "\n" + string.Join(',', fields) + "\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(((IndicationRow)result.Rows.Single()).ProductCode, Is.Null);
    }

    [Test]
    public void Product_rows_are_read_with_their_optional_fields()
    {
        var result = Parse(ReferenceKind.Products, ProductHeader + "\n" + GoodProduct + "\n01,01A01,\"Huishoudelijke hulp, basis (uur)\",04,2,inspanningsgericht,,2023-01-01,\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Rows, Is.EqualTo(new ReferenceRow[]
        {
            new ProductRow(2, "02", "02M11", "Arrangement 3-4 ontwikkelen +", "82", "4", FinancingForm.Outputgericht, "ARR-3-4-ONT-PLUS", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)),
            new ProductRow(3, "01", "01A01", "Huishoudelijke hulp, basis (uur)", "04", "2", FinancingForm.Inspanningsgericht, null, new DateOnly(2023, 1, 1), null),
        }));
    }

    [TestCase(0, "", "product_categorie", "is empty")]
    [TestCase(0, "19", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(0, "2", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(1, "", "product_code", "is empty")]
    [TestCase(1, "02M011", "product_code", "must be 1 to 5 characters (LDT_ProductCode)")]
    [TestCase(2, "", "description", "is empty")]
    [TestCase(3, "", "eenheid", "is empty")]
    [TestCase(3, "2", "eenheid", "must be a WJ756 code (Eenheid): 01, 04, 14, 16, 82, 83, 84")]
    [TestCase(3, "05", "eenheid", "must be a WJ756 code (Eenheid): 01, 04, 14, 16, 82, 83, 84")]
    [TestCase(4, "", "frequentie", "is empty")]
    [TestCase(4, "04", "frequentie", "must be a WMO757 code (Frequentie): 1, 2, 4, 6")]
    [TestCase(4, "3", "frequentie", "must be a WMO757 code (Frequentie): 1, 2, 4, 6")]
    [TestCase(5, "", "financing", "is empty")]
    [TestCase(5, "Outputgericht", "financing", "must be inspanningsgericht, outputgericht, taakgericht")]
    [TestCase(5, "output", "financing", "must be inspanningsgericht, outputgericht, taakgericht")]
    [TestCase(6, "ARR 3-4", "arrangement_code", "must be 1 to 20 letters, digits, '-', '_' or '.'")]
    [TestCase(6, "ARR-3-4-ONT-PLUSPLUS1", "arrangement_code", "must be 1 to 20 letters, digits, '-', '_' or '.'")]
    [TestCase(7, "", "begindatum", "is empty")]
    [TestCase(7, "2026-13-01", "begindatum", "must be a date as yyyy-MM-dd")]
    [TestCase(8, "31-12-2027", "einddatum", "must be a date as yyyy-MM-dd")]
    [TestCase(8, "2025-12-31", "einddatum", "lies before begindatum")]
    public void Product_fields_are_checked(int field, string value, string column, string reason)
    {
        var fields = GoodProduct.Split(',');
        fields[field] = value;

        var result = Parse(ReferenceKind.Products, ProductHeader + "\n" + GoodProduct.Replace("02M11", "02M10", StringComparison.Ordinal).Replace("ARR-3-4-ONT-PLUS", "ARR-3-4-ONT-GEM", StringComparison.Ordinal) + "\n" + string.Join(',', fields) + "\n");

        Assert.That(result.Problems, Is.EqualTo(new[] { new ReferenceProblem(3, column, reason) }));
        Assert.That(result.Rows, Is.Empty);
    }

    [Test]
    public void A_product_without_an_arrangement_or_an_end_is_read()
    {
        var fields = GoodProduct.Split(',');
        (fields[6], fields[8]) = (string.Empty, string.Empty);

        var row = (ProductRow)Parse(ReferenceKind.Products, ProductHeader + "\n" + string.Join(',', fields) + "\n").Rows.Single();

        Assert.That((row.ArrangementCode, row.Einddatum), Is.EqualTo(((string?)null, (DateOnly?)null)));
    }

    [Test]
    public void Contract_rows_are_read_and_an_empty_partial_month_is_false()
    {
        var result = Parse(ReferenceKind.Contracts, ContractHeader + "\n" + GoodContract + "\n42420001,01,01A01,2026-01-01,,3380,04,\n42420001,01,01A01,2025-01-01,2025-12-31,0,04,false\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Rows, Is.EqualTo(new ReferenceRow[]
        {
            new ContractRow(2, "42420001", "02", "02M11", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), 87750, "82", true),
            new ContractRow(3, "42420001", "01", "01A01", new DateOnly(2026, 1, 1), null, 3380, "04", false),
            new ContractRow(4, "42420001", "01", "01A01", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 0, "04", false),
        }));
    }

    [TestCase(0, "", "provider", "is empty")]
    [TestCase(0, "4242001", "provider", "must be 8 digits (the AGB code)")]
    [TestCase(1, "", "product_categorie", "is empty")]
    [TestCase(1, "00", "product_categorie", "must be a product category of WMO020, 01 to 18")]
    [TestCase(2, "", "product_code", "is empty")]
    [TestCase(2, "02M0011", "product_code", "must be 1 to 5 characters (LDT_ProductCode)")]
    [TestCase(3, "", "begindatum", "is empty")]
    [TestCase(3, "2026-02-30", "begindatum", "must be a date as yyyy-MM-dd")]
    [TestCase(4, "2027-1-1", "einddatum", "must be a date as yyyy-MM-dd")]
    [TestCase(4, "2025-12-31", "einddatum", "lies before begindatum")]
    [TestCase(5, "", "tariff_cents", "is empty")]
    [TestCase(5, "-1", "tariff_cents", "must be a whole number of eurocents, 0 or more (no sign, separator or decimals)")]
    [TestCase(5, "877.50", "tariff_cents", "must be a whole number of eurocents, 0 or more (no sign, separator or decimals)")]
    [TestCase(5, "1000000000000000", "tariff_cents", "must be a whole number of eurocents, 0 or more (no sign, separator or decimals)")]
    [TestCase(6, "", "eenheid", "is empty")]
    [TestCase(6, "uur", "eenheid", "must be a WJ756 code (Eenheid): 01, 04, 14, 16, 82, 83, 84")]
    [TestCase(7, "yes", "partial_month_in_full", "must be true or false (empty is false)")]
    [TestCase(7, "True", "partial_month_in_full", "must be true or false (empty is false)")]
    public void Contract_fields_are_checked(int field, string value, string column, string reason)
    {
        var fields = GoodContract.Split(',');
        fields[field] = value;

        var result = Parse(ReferenceKind.Contracts, ContractHeader + "\n" + string.Join(',', fields) + "\n");

        Assert.That(result.Problems, Is.EqualTo(new[] { new ReferenceProblem(2, column, reason) }));
        Assert.That(result.Rows, Is.Empty);
    }

    [Test]
    public void A_contract_key_is_provider_product_and_begindatum()
    {
        var result = Parse(ReferenceKind.Contracts, ContractHeader + "\n" + GoodContract + "\n" + GoodContract.Replace("87750", "90000", StringComparison.Ordinal) + "\n" + GoodContract.Replace("42420001", "65656055", StringComparison.Ordinal) + "\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 3: provider: the same key as line 2; a file has one row per key" }));
    }

    [Test]
    public void Every_problem_of_a_row_is_reported_and_a_bad_file_yields_no_rows()
    {
        var result = Parse(ReferenceKind.Indications, IndicationHeader + "\n" + GoodIndication + "\n1002,384,999900007,01,,,2023-01-01,,2022-12-15,gone\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "line 3: municipality: must be 4 digits (the CBS code)",
            "line 3: bsn: does not pass the 11-proef",
            "line 3: status: must be active, withdrawn, superseded",
        }));
        Assert.That(result.Rows, Is.Empty, "nothing of a bad file is handed on, not even its good rows");
        Assert.That(result.RowsRead, Is.EqualTo(2));
    }

    [Test]
    public void A_key_repeated_in_one_file_names_the_first_line()
    {
        var result = Parse(ReferenceKind.Municipalities, "cbs_code,name\n0384,Diemen\n0363,Amsterdam\n0384,Gemeente Diemen\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 4: cbs_code: the same key as line 2; a file has one row per key" }));
    }

    [Test]
    public void Line_numbers_count_every_physical_line()
    {
        var result = Parse(ReferenceKind.Providers, "agb_code,name\n\n42420001,\"Zorg\nover twee regels\"\n\n4242,Zorg\n42420003,Zorg,extra\n65656055\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "line 3: name: contains a control character (a tab or a line break)",
            "line 6: agb_code: must be 8 digits (the AGB code)",
            "line 7: 3 fields where the header has 2",
            "line 8: 1 field where the header has 2",
        }));
    }

    [TestCase("42420001,Zo\"rg\n", "line 2: a quote inside an unquoted field (quote the whole field and double the quote inside it)")]
    [TestCase("42420001,\"Zorg\"x\n", "line 2: text after the closing quote of a field")]
    [TestCase("42420001,\"Zorg\n65656055,Hulp\n", "line 2: a quoted field is never closed")]
    public void Malformed_quoting_is_a_rejected_row(string rows, string problem)
    {
        var result = Parse(ReferenceKind.Providers, "agb_code,name\n" + rows);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { problem }));
        Assert.That(result.Rows, Is.Empty);
    }

    [Test]
    public void A_header_with_unknown_repeated_or_missing_columns_is_refused_without_quoting_it()
    {
        var result = Parse(ReferenceKind.Municipalities, "cbs_code,Name,cbs_code\n0384,Diemen,0384\n");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "line 1: header column 2 is not a column of this kind",
            "line 1: header column 3 repeats an earlier column",
            "line 1: the header lacks name",
            "line 1: the header must have exactly these columns, in any order: cbs_code,name",
        }));
        Assert.That(result.RowsRead, Is.Zero);
    }

    [Test]
    public void A_file_without_its_header_never_quotes_the_first_row()
    {
        var result = Parse(ReferenceKind.Indications, GoodIndication + "\n");

        Assert.That(result.Problems, Is.Not.Empty);
        Assert.That(result.Problems.Select(p => p.ToString()), Has.None.Contains("999900006"));
        Assert.That(result.Problems[0].ToString(), Is.EqualTo("line 1: header columns 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 are not columns of this kind"));
    }

    [Test]
    public void A_semicolon_separated_file_is_told_the_separator()
    {
        var result = Parse(ReferenceKind.Municipalities, "cbs_code;name\n0384;Diemen\n");

        Assert.That(result.Problems[0].ToString(), Is.EqualTo("line 1: the header is separated by ';'; these files are separated by ',' (comma)"));
    }

    [Test]
    public void An_empty_file_needs_its_header_and_a_header_alone_is_no_rows()
    {
        Assert.That(Parse(ReferenceKind.Providers, string.Empty).Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 1: the file is empty; it needs the header row agb_code,name" }));

        var headerOnly = Parse(ReferenceKind.Providers, "agb_code,name\n");
        Assert.That((headerOnly.Problems.Count, headerOnly.Rows.Count, headerOnly.RowsRead), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public void Only_UTF8_is_read()
    {
        var latin1 = Encoding.Latin1.GetBytes("cbs_code,name\n0384,Diemen\n0363,Gemeente \u00e9\n");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("cbs_code,name\n0384,Diemen\n")).ToArray();

        Assert.That(ReferenceCsv.Parse(ReferenceKind.Municipalities, latin1).Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 3: not valid UTF-8; save the file as UTF-8" }));
        Assert.That(ReferenceCsv.Parse(ReferenceKind.Municipalities, utf16).Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "line 1: the file is UTF-16 or UTF-32; save it as UTF-8" }));
    }

    [Test]
    public void The_demo_files_are_read_without_a_problem()
    {
        foreach (var kind in ReferenceWords.Kinds)
        {
            var path = Path.Combine(Backoffice.TestSupport.RepoPaths.Root, "deploy", "demo", ReferenceWords.Of(kind) + ".csv");
            var bytes = File.ReadAllBytes(path);

            var result = ReferenceCsv.Parse(kind, bytes);

            Assert.That(result.Problems, Is.Empty, path);
            Assert.That(result.Rows, Is.Not.Empty);
            Assert.That(File.ReadLines(path).First(), Is.EqualTo(string.Join(',', ReferenceCsv.Columns(kind))), "the demo header is the documented one, in its order");
        }
    }

    private static ReferenceCsvResult Parse(ReferenceKind kind, string text) => ReferenceCsv.Parse(kind, Encoding.UTF8.GetBytes(text));
}
