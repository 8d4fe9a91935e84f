using Backoffice.Data.Payments;
using Backoffice.Service.Reports;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Reports;

public sealed class PaymentReportFilesTests
{
    [Test]
    public void A_name_that_reads_as_a_formula_is_kept_text_in_csv_and_a_negative_amount_stays_a_number()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "payments.csv");
            var batch = new PaymentBatch(
                new DateOnly(2026, 3, 1),
                null,
                [new PaymentLine("0363", "=HYPERLINK(\"x\")", "42420001", "-Zorg", "01", "01A01", new DateOnly(2026, 2, 1), 0, 250, -250, 1)],
                [new PaymentProviderTotal("0363", "=HYPERLINK(\"x\")", "42420001", "-Zorg", 1, -250, -250, 1)],
                []);

            var written = PaymentReportFiles.Write(batch, ReportFormat.Csv, path);

            Assert.That(written, Is.EqualTo(new[] { Path.Combine(folder.FullName, "payments.providers.csv"), path }));
            Assert.That(File.ReadAllLines(path)[1], Is.EqualTo("2026-03,0363,\"'=HYPERLINK(\"\"x\"\")\",42420001,'-Zorg,01,01A01,2026-02,1,0,250,-250,0.00,2.50,-2.50"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestCase("payments.csv", "payments.providers.csv")]
    [TestCase("payments", "payments.providers.csv")]
    [TestCase("march.2026.txt", "march.2026.providers.txt")]
    public void The_provider_totals_file_sits_beside_the_lines_file(string lines, string providers) =>
        Assert.That(PaymentReportFiles.ProvidersCsvPath(lines), Is.EqualTo(providers));
}
