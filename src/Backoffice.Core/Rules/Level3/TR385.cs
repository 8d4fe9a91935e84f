using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR385: an allocation on which approved prestaties stand that no approved credit undid may not be
/// deleted with RedenWijziging 13 (9385); the provider first credits them. The data layer answers
/// which of the 301's numbers carry such debits (<see cref="RegisterView.DeclaredAllocations"/>). Like
/// every rule on our own 301 it refuses the message before it leaves; the finding is on RedenWijziging.
/// </summary>
internal sealed class TR385 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR385",
        "9385",
        "Indien de toewijzing goedgekeurde (niet gecrediteerde) prestatiesregels met gelijk ToewijzingNummer heeft, is het niet toegestaan deze toewijzing te verwijderen met RedenWijziging waarde 13 (verwijderd).",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client })
        {
            return;
        }

        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var product = client.ToegewezenProducten[i];
            if (product.RedenWijziging == "13" && before.DeclaredAllocations.Contains(product.ToewijzingNummer))
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i).Child("RedenWijziging"),
                    "The allocation carries approved prestaties no credit undid; it may not be deleted (TR385).");
            }
        }
    }
}
