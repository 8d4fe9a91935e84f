using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR316: a 323 must not credit a debit it carries itself. The toelichting makes it concrete: no
/// VorigReferentieNummer equal to the ReferentieNummer of a Prestatie in the same message, in
/// whichever order the two lines come, under whichever client, and a line that names its own
/// ReferentieNummer counts too (as in the official stylesheet). The finding is on the crediting
/// line's VorigReferentieNummer, the element the toelichting is about.
/// </summary>
internal sealed class TR316 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR316",
        "Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        // Only a credit names a VorigReferentieNummer, so the sets hold the credits' numbers, not
        // every line's: first the numbers credited, then those of them some line carries as its own.
        HashSet<string>? credited = null;
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductReferentie?.VorigReferentieNummer is { } vorig)
            {
                (credited ??= new(StringComparer.Ordinal)).Add(vorig);
            }
        }

        if (credited is null)
        {
            return;
        }

        var inMessage = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductReferentie?.ReferentieNummer is { } nummer && credited.Contains(nummer))
            {
                inMessage.Add(nummer);
            }
        }

        if (inMessage.Count == 0)
        {
            return;
        }

        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductReferentie?.VorigReferentieNummer is { } vorig && inMessage.Contains(vorig))
            {
                report.Add(
                    Definition,
                    line.Path.Child("ProductReferentie").Child("VorigReferentieNummer"),
                    "VorigReferentieNummer equals the ReferentieNummer of a Prestatie in the same message: a debit is credited in the message that holds it (TR316).");
            }
        }
    }
}
