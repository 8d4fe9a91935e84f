using System.Xml.Schema;
using Backoffice.Core.Validation;
using BenchmarkDotNet.Attributes;

namespace Backoffice.Benchmarks;

/// <summary>
/// a, b, c on the same bytes, read from memory so that disk I/O is not part of any of them:
/// a bare XmlReader pass, the XSD-validating pass (the baseline), and the service's MessageValidator.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _bytes = [];
    private XmlSchemaSet _schemas = new();
    private MessageValidator? _validator;

    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    [ParamsSource(nameof(Sizes))]
    public int Prestaties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(BenchmarkData.File(Prestaties).Path);
        _schemas = BenchmarkData.Catalogue.SchemaSet;
        _validator = new MessageValidator(BenchmarkData.Catalogue);
    }

    [Benchmark(Description = "a. XmlReader (bare)")]
    public long BareRead()
    {
        using var input = new MemoryStream(_bytes, writable: false);
        return XmlPasses.BareRead(input);
    }

    [Benchmark(Baseline = true, Description = "b. XmlReader + XSD")]
    public long XsdRead()
    {
        using var input = new MemoryStream(_bytes, writable: false);
        return XmlPasses.ValidatingRead(input, _schemas);
    }

    [Benchmark(Description = "c. MessageValidator")]
    public ValidationReport Validator()
    {
        using var input = new MemoryStream(_bytes, writable: false);
        var report = _validator!.Validate(input);
        return report.Verdict == Verdict.Valid
            ? report
            : throw new InvalidOperationException($"MessageValidator says {report.Verdict}: {(report.Findings.Count > 0 ? report.Findings[0].Message : null)}");
    }
}
