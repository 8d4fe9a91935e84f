using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR416: one debit line per ToewijzingNummer, ProductPeriode, ProductCategorie and ProductCode
/// within a 323. Like the official stylesheet, it compares the lines under one Client only
/// (iwmo-3.2.md §8.11); the same combination under two clients is left to TR389 at level 3.
/// Credit lines do not count. The finding is on the later debit Prestatie.
/// </summary>
internal sealed class TR416 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR416",
        "Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        // The lines come client by client, so one set serves every client, emptied when the client
        // changes (and made anew after a large client, as emptying costs its capacity).
        var seen = new HashSet<(int, DateOnly, DateOnly, string, string)>();
        var client = -1;
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            var p = line.Prestatie;
            if (p.IngediendBedrag?.DebetCredit != DebetCredit.Debet || p.ProductPeriode is not { } periode)
            {
                continue;
            }

            if (line.Client != client)
            {
                client = line.Client;
                DeclaratieLines.ResetForNextClient(ref seen);
            }

            if (!seen.Add((p.ToewijzingNummer, periode.Begindatum, periode.Einddatum, p.ProductCategorie, p.ProductCode)))
            {
                report.Add(
                    Definition,
                    line.Path,
                    "Prestatie is a second debit for the same ToewijzingNummer, ProductPeriode, ProductCategorie and ProductCode under this Client (TR416).");
            }
        }
    }
}
