using System.Text;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.TestSupport;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Retours;

/// <summary>
/// The WMO325 after levels 3 and 4 (iwmo-3.2.md §8.4, IV087), built from the verdicts of the real
/// rules, written, and checked as MessageCheck.Finish checks it before it may leave: our XSD and the
/// level-2 rules, TR342 included. The level-2 answer (header only, 0001) is level2_WMO325.verified.xml
/// (Level2AnswerTests).
/// </summary>
public sealed class DeclarationAnswerTests
{
    private static readonly AnswerIdentity Identity = AnswerIdentity.Create("R00000000325", new DateOnly(2026, 4, 6));

    private static SchemaCatalogue Ours => SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

    private static Wmo325 Answer(Wmo323 heen, RegisterView view)
    {
        var declaration = RegisterRuleSet.Standard.Check(heen, view);
        var lines = declaration.Count == 0 ? PrestatieWalk.Run(heen, view, PrestatieWalk.Standard) : [];
        return (Wmo325)DeclarationAnswer.For(heen, declaration, lines, Identity, Ours);
    }

    private static string Written(Wmo325 answer)
    {
        var bytes = IwmoWriter.ToBytes(answer);
        Assert.That(Ours.Validate(new MemoryStream(bytes)), Is.Empty, "valid against our own schema");
        Assert.That(RuleSet.Level2.Check(answer).Select(f => $"{f.Rule}: {f.Message}"), Is.Empty, "passes the level-2 rules, TR342 included");
        Assert.That(IwmoReader.Read(bytes).Message, Is.EqualTo(answer), "reads back as built");
        return Encoding.UTF8.GetString(bytes);
    }

    private static string Codes(EquatableArray<string>? codes) => codes is { } c ? string.Join(' ', c) : string.Empty;

    [Test]
    public void A_fully_approved_declaration_gets_8001_toegekend_equal_to_ingediend_and_no_Clienten()
    {
        var heen = Around(Line("S"));

        var answer = Answer(heen, View());

        var text = Written(answer);
        Assert.That(Codes(answer.Header.RetourCodes), Is.EqualTo("0200"));
        Assert.That(Codes(answer.DeclaratieAntwoord!.RetourCodes), Is.EqualTo("8001"));
        Assert.That(answer.DeclaratieAntwoord.TotaalToegekendBedrag, Is.EqualTo(heen.Declaratie.TotaalIngediendBedrag));
        Assert.That(answer.DeclaratieAntwoord.Clienten, Is.Empty);
        Golden.Verify(text, "declaration_fully_approved", "xml");
    }

    [Test]
    public void A_partly_approved_declaration_returns_only_the_rejected_lines_with_their_codes_and_toegekend_the_approved_sum()
    {
        // Client 1: line 1 approved. Client 2: line 1 approved, line 2 another code (9340), line 3 a wrong tariff (0611) and amount (9346).
        var heen = Message(
            Client(Bsn, Line("A", 101)),
            Client(OtherBsn, Line("B", periode: Month(1)), Line("C", periode: Month(2), code: "02A02"), Line("D", tarief: 6000, bedrag: 12_345)));

        var answer = Answer(heen, View());

        var text = Written(answer);
        var antwoord = answer.DeclaratieAntwoord!;
        Assert.That((Codes(answer.Header.RetourCodes), Codes(antwoord.RetourCodes)), Is.EqualTo(("0200", "0200")));
        Assert.That(antwoord.TotaalToegekendBedrag, Is.EqualTo(new TotaalBedragMetDC(2 * 10 * Hours, DebetCredit.Debet)));
        var client = antwoord.Clienten.Single();
        Assert.That((client.Bsn, Codes(client.RetourCodes)), Is.EqualTo((OtherBsn, "0200")));
        Assert.That(client.Prestaties.Select(p => (p.Prestatie.ProductReferentie.ReferentieNummer, Codes(p.RetourCodes))), Is.EqualTo(new[] { ("C", "9340"), ("D", "9346 0611") }));
        Assert.That(client.Prestaties.Select(p => p.Prestatie), Is.EqualTo(heen.Declaratie.Clienten[1].Prestaties.Skip(1)), "returned unchanged (TR367)");
        Golden.Verify(text, "declaration_mixed", "xml");
    }

    [Test]
    public void A_used_DeclaratieNummer_rejects_the_whole_declaration_with_9333_and_toegekend_0()
    {
        var answer = Answer(Around(Line("S")), View(declaratieNummerUsed: true));

        var text = Written(answer);
        Assert.That((Codes(answer.Header.RetourCodes), Codes(answer.DeclaratieAntwoord!.RetourCodes)), Is.EqualTo(("0200", "9333")));
        Assert.That(answer.DeclaratieAntwoord.TotaalToegekendBedrag, Is.EqualTo(new TotaalBedragMetDC(0, DebetCredit.Debet)));
        Assert.That(answer.DeclaratieAntwoord.Clienten, Is.Empty);
        Golden.Verify(text, "declaration_rejected_whole_9333", "xml");
    }

    [Test]
    public void A_correction_by_credit_and_new_debit_for_the_same_period_in_one_message_is_approved_whole()
    {
        var debit = Line("OLD-MAR");
        var heen = Message(Client(OtherBsn, Line("NEW-MAR", volume: 12), CreditOf(debit, "CR-MAR")));

        var answer = Answer(heen, View(earlier: [Earlier(debit, 1)]));

        var text = Written(answer);
        Assert.That(Codes(answer.DeclaratieAntwoord!.RetourCodes), Is.EqualTo("8001"));
        Assert.That(answer.DeclaratieAntwoord.TotaalToegekendBedrag, Is.EqualTo(new TotaalBedragMetDC(2 * Hours, DebetCredit.Debet)));
        Golden.Verify(text, "declaration_correction_credit_and_new_debit", "xml");
    }
}
