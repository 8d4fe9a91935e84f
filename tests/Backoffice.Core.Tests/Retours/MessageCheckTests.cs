using Backoffice.Core.Declarations;
using System.Text;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Retours;

/// <summary>The checks of one message in order: level 1, the typed read, level 2, the answer.</summary>
public sealed class MessageCheckTests
{
    private static readonly AnswerIdentity Identity = AnswerIdentity.Create("R00000000007", new DateOnly(2026, 12, 1));

    private static MessageCheck Check => new(new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)), RuleSet.Level2);

    private static Func<CancellationToken, Task<Stream>> Bytes(byte[] bytes) => _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));

    private static byte[] Sample(string name, Func<string, string>? change = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));
        return Encoding.UTF8.GetBytes(change is null ? text : change(text));
    }

    [Test]
    public async Task A_valid_provider_message_passes_level_2_and_gets_no_answer_yet()
    {
        var result = await Check.CheckAsync(Bytes(Sample("WMO305.xml")), MessageScope.Inbound, Identity, CancellationToken.None);

        Assert.That((result.Rejected, result.CheckedLevel, result.Answer, result.Held), Is.EqualTo((false, 2, (BuiltAnswer?)null, (string?)null)));
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public async Task A_declaration_from_or_to_a_party_we_do_not_know_is_refused_without_a_325(bool served, bool known)
    {
        var view = RegisterView.Empty(new DateOnly(2026, 12, 1)) with { Parties = new PartyView(served, null, known, null) };

        var result = await Check.CheckAsync(Bytes(Sample("WMO323.xml")), MessageScope.Inbound, Identity, CancellationToken.None, (_, _) => Task.FromResult(view));

        Assert.That((result.Rejected, result.Refused is not null, result.Answer), Is.EqualTo((true, true, (BuiltAnswer?)null)));
        Assert.That(result.Changes, Is.Empty);
    }

    [Test]
    public async Task A_declaration_on_allocations_the_register_does_not_have_is_processed_and_each_line_rejected_with_9338()
    {
        var view = RegisterView.Empty(new DateOnly(2026, 12, 1)) with { Declarations = DeclarationHistory.Empty };

        var result = await Check.CheckAsync(Bytes(Sample("WMO323.xml")), MessageScope.Inbound, Identity, CancellationToken.None, (_, _) => Task.FromResult(view));

        Assert.That((result.Rejected, result.CheckedLevel, result.Answer!.Record.Type.Name), Is.EqualTo((false, 4, "WMO325")));
        Assert.That(result.Lines, Is.Not.Empty);
        Assert.That(result.Lines.All(l => !l.Approved && l.Findings.Any(f => f.Rule == "TR338")), Is.True);
        Assert.That(result.LineFindings.Where(f => f.Rule == "TR338").Select(f => (f.Retourcode, f.Line is > 0)), Is.All.EqualTo(("9338", true)));
        var recorded = (DeclarationRecorded)result.Changes.Single();
        Assert.That((recorded.RejectedWhole, recorded.ToegekendCents, recorded.Lines.Count), Is.EqualTo((false, 0L, result.Lines.Count)));
        Assert.That(SchemaCatalogue.Load(RepoPaths.IwmoSchemas).Validate(new MemoryStream(result.Answer.Content)), Is.Empty);
    }

    [Test]
    public async Task A_level_2_failure_is_located_and_answered_with_a_checked_header_only_0001()
    {
        var bytes = Sample("WMO305.xml", t => t.Replace(">999900006<", ">999900007<", StringComparison.Ordinal));

        var result = await Check.CheckAsync(Bytes(bytes), MessageScope.Inbound, Identity, CancellationToken.None);

        var finding = result.Level2.Single();
        Assert.That((finding.Rule, finding.Path, finding.Line is > 0), Is.EqualTo(("CS002", "/Bericht/Client/Bsn", true)));
        Assert.That(result.Answer!.Record.Type.Name, Is.EqualTo("WMO306"));
        Assert.That(result.Answer.FileName, Is.EqualTo("WMO306-R00000000007.xml"));
        Assert.That(SchemaCatalogue.Load(RepoPaths.IwmoSchemas).Validate(new MemoryStream(result.Answer.Content)), Is.Empty);
    }

    [Test]
    public async Task Without_an_identity_nothing_is_built_as_validate_uses_it()
    {
        var result = await Check.CheckAsync(Bytes(Sample("WMO317.xml")), MessageScope.AnyDirection, null, CancellationToken.None);

        Assert.That(result.Level2.Single().Rule, Is.EqualTo("TR380"));
        Assert.That(result.Answer, Is.Null);
    }

    [Test]
    public async Task A_level_1_failure_stops_before_the_rules()
    {
        var bytes = Sample("WMO305.xml", t => t.Replace("<wmo305:Geslacht>", "<wmo305:Geslacht>X", StringComparison.Ordinal));

        var result = await Check.CheckAsync(Bytes(bytes), MessageScope.Inbound, Identity, CancellationToken.None);

        Assert.That((result.Level1.Valid, result.CheckedLevel, result.Level2.Count, result.Answer), Is.EqualTo((false, 1, 0, (BuiltAnswer?)null)));
        Assert.That(result.Message, Is.Null, "what was read along in the failed pass is not handed out");
    }

    [Test]
    public async Task Level_1_and_the_typed_read_share_one_pass_over_the_bytes_and_only_findings_take_a_second()
    {
        var clean = Counted(Sample("WMO305.xml"));
        var broken = Counted(Sample("WMO305.xml", t => t.Replace(">999900006<", ">999900007<", StringComparison.Ordinal)));

        var read = await Check.CheckAsync(clean.Open, MessageScope.Inbound, Identity, CancellationToken.None);
        var located = await Check.CheckAsync(broken.Open, MessageScope.Inbound, Identity, CancellationToken.None);

        Assert.That((read.Message?.Type.Name, clean.Opened), Is.EqualTo(("WMO305", 1)));
        Assert.That((located.Level2.Single().Line is > 0, broken.Opened), Is.EqualTo((true, 2)), "the second pass locates the level-2 finding");
    }

    private static OpenCounter Counted(byte[] bytes) => new(bytes);

    private sealed class OpenCounter(byte[] bytes)
    {
        public int Opened { get; private set; }

        public Task<Stream> Open(CancellationToken cancellationToken)
        {
            Opened++;
            return Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));
        }
    }
}
