using System.Xml.Schema;
using Backoffice.Core.Messages;
using Backoffice.Core.Retours;
using Backoffice.Core.Validation;
using BenchmarkDotNet.Attributes;

namespace Backoffice.Benchmarks;

/// <summary>
/// a, b, c, e on the same WMO323 bytes, read from memory so that disk I/O is not part of any of them:
/// a bare XmlReader pass, the XSD-validating pass (the baseline), the service's MessageValidator
/// (level 1), and level 1 + level 2 (MessageCheck), with its level-2 parts e1 and e2 on their own.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private byte[] _bytes = [];
    private XmlSchemaSet _schemas = new();
    private MessageValidator? _validator;
    private MessageCheck? _check;
    private IwmoMessage? _message;

    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    [ParamsSource(nameof(Sizes))]
    public int Prestaties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(BenchmarkData.File(Prestaties).Path);
        _schemas = BenchmarkData.Catalogue.SchemaSet;
        _validator = new MessageValidator(BenchmarkData.Catalogue);
        _check = BenchmarkData.NewCheck();
        _message = CheckPasses.Read(_bytes);
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

    [Benchmark(Description = "e. Level 1 + level 2 (MessageCheck)")]
    public Task<int> Check() => CheckPasses.CheckAsync(_check!, _bytes);

    [Benchmark(Description = "e1. IwmoReader (typed message)")]
    public IwmoMessage Read() => CheckPasses.Read(_bytes);

    [Benchmark(Description = "e2. Level-2 rules only")]
    public int Rules() => CheckPasses.Rules(_message!);
}
