using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// IV066: the first grant of a product to a client is a new allocation with a new ToewijzingNummer.
/// So every version of one number is for the same product: the same Categorie and Code, or no Code
/// when the first had none, or no Product when the first had none (a generic allocation). A
/// ToegewezenProduct whose Product differs from the version of its number it is a change of (the
/// one decided last before it, or for a version that arrives after newer ones the first after it,
/// <see cref="AllocationVersions.Neighbour"/>) is a new product under an old number. OP257 says the
/// same: a change of product ends the allocation and issues a new one.
/// <para>
/// Like OP033x1 and OP380 this instruction has no retourcode; our own 301 that breaks it is refused
/// for staff and never sent. It carries 9332 ("Toewijzing heeft geen uniek nummer binnen wettelijk
/// domein", TR332), the rule base's only code about allocation numbers: the number would stand for
/// two allocations.
/// </para>
/// </summary>
internal sealed class IV066 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "IV066",
        "9332",
        "Een initiële toekenning van een product aan een cliënt is een nieuwe toewijzing en krijgt een nieuw toewijzingnummer.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var product = client.ToegewezenProducten[i];
            if (AllocationVersions.Neighbour(Wmo301Register.OfNumber(m, before, product.ToewijzingNummer), product) is { } other
                && other.Version.Product != product.Product)
            {
                var path = Wmo301Register.Product(i);
                report.Add(
                    Definition,
                    product.Product is null ? path : path.Child("Product"),
                    "Product of the ToegewezenProduct differs from the earlier version with its ToewijzingNummer; another product is a new allocation with a new ToewijzingNummer (IV066).");
            }
        }
    }
}
