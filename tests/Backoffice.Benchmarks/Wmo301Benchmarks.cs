using System.Xml.Schema;
using Backoffice.Core.Messages;
using Backoffice.Core.Retours;
using BenchmarkDotNet.Attributes;

namespace Backoffice.Benchmarks;

/// <summary>
/// b and e on WMO301 inputs, from memory: the XSD-validating read (the baseline) and level 1 +
/// level 2 (MessageCheck), with e1 and e2 as in <see cref="ReadBenchmarks"/>. A batch input is many
/// messages; one operation is every message of it once, for each pass alike.
/// </summary>
[MemoryDiagnoser]
public class Wmo301Benchmarks
{
    private byte[][] _contents = [];
    private IwmoMessage[] _messages = [];
    private XmlSchemaSet _schemas = new();
    private MessageCheck? _check;

    public static IEnumerable<string> Inputs => BenchmarkData.Wmo301Keys;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _contents = [.. BenchmarkData.Wmo301(Input).Contents];
        _messages = [.. _contents.Select(CheckPasses.Read)];
        _schemas = BenchmarkData.Catalogue.SchemaSet;
        _check = BenchmarkData.NewCheck();
    }

    [Benchmark(Baseline = true, Description = "b. XmlReader + XSD")]
    public long XsdRead()
    {
        long elements = 0;
        foreach (var content in _contents)
        {
            using var input = new MemoryStream(content, writable: false);
            elements += XmlPasses.ValidatingRead(input, _schemas);
        }

        return elements;
    }

    [Benchmark(Description = "e. Level 1 + level 2 (MessageCheck)")]
    public async Task<int> Check()
    {
        var findings = 0;
        foreach (var content in _contents)
        {
            findings += await CheckPasses.CheckAsync(_check!, content);
        }

        return findings;
    }

    [Benchmark(Description = "e1. IwmoReader (typed message)")]
    public int Read()
    {
        var read = 0;
        foreach (var content in _contents)
        {
            CheckPasses.Read(content);
            read++;
        }

        return read;
    }

    [Benchmark(Description = "e2. Level-2 rules only")]
    public int Rules()
    {
        var findings = 0;
        foreach (var message in _messages)
        {
            findings += CheckPasses.Rules(message);
        }

        return findings;
    }
}
