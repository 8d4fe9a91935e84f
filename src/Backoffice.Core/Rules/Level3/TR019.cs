using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR019: for output- and inspanningsgericht delivery a start or stop is linked to an allocation by
/// its ToewijzingNummer (9019, "kan niet gekoppeld worden aan een toewijzing"). Readings:
/// <list type="bullet">
/// <item>A filled ToewijzingNummer must be a current allocation (<see cref="AllocationState"/>: a
/// deleted one counts as never sent) of this client from this municipality (Ontvanger) to this
/// provider (Afzender).</item>
/// <item>The line carries the product exactly as allocated (IV075): both Categorie and Code, only
/// the Categorie, or no Product, as the ToegewezenProduct has it. IV075 has no code of its own; a
/// line with another product is not linked to that allocation, so it is 9019 here, on Product.</item>
/// <item>An empty ToewijzingNummer is allowed only for the taakgericht variant, which has no
/// allocation at client level (FAQ "Waarom is het toewijzingsnummer … niet verplicht?"). The
/// variant is contract data we do not have, so we read it off the register: when the client has a
/// current allocation at this provider for the line's product (same Categorie, or an allocation or
/// line without Product) the delivery is not taakgericht and the number is missing.</item>
/// <item>A deletion (StatusAanlevering 3) is not checked: its corrective nature needs no content
/// checks (TR063 toelichting); TR063 checks it was sent.</item>
/// </list>
/// ToewijzingIngangsdatum is not compared: no rule gives it a code (iwmo-3.2.md §8.6).
/// </summary>
internal sealed class TR019 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR019",
        "9019",
        "Bij een output- of inspanningsgerichte werkwijze moet de melding van de start of de stop van de ondersteuning gerelateerd zijn aan een toewijzing op basis van het ToewijzingNummer.",
        new RuleScope(MessageType.Wmo305, "StartProduct"),
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        switch (message)
        {
            case Wmo305 m:
                var starts = Allocations(m.Header, m.Client.Gegevens.Bsn, before);
                for (var i = 0; i < m.Client.StartProducten.Count; i++)
                {
                    var line = m.Client.StartProducten[i];
                    Line(line.ToewijzingNummer, line.Product, line.StatusAanlevering, starts, StartStopPaths.Start(i), "StartProduct", report);
                }

                break;
            case Wmo307 m:
                var stops = Allocations(m.Header, m.Client.Gegevens.Bsn, before);
                for (var i = 0; i < m.Client.StopProducten.Count; i++)
                {
                    var line = m.Client.StopProducten[i];
                    Line(line.ToewijzingNummer, line.Product, line.StatusAanlevering, stops, StartStopPaths.Stop(i), "StopProduct", report);
                }

                break;
        }
    }

    private static IReadOnlyList<RecordedAllocation> Allocations(Header header, string bsn, RegisterView before) =>
        AllocationState.Current(before.Allocations.Where(a => a.Bsn == bsn && a.Provider == header.Afzender && a.Municipality == header.Ontvanger));

    private void Line(int? nummer, Product? product, string status, IReadOnlyList<RecordedAllocation> allocations, XmlPath path, string name, RuleReport report)
    {
        if (CareState.IsDeletion(status))
        {
            return;
        }

        if (nummer is null)
        {
            if (allocations.Any(a => a.Version.Product is null || product is null || a.Version.Product.Categorie == product.Categorie))
            {
                report.Add(Definition, path, $"{name} has no ToewijzingNummer, while the client has a current allocation for its product at this provider (TR019).");
            }

            return;
        }

        var allocation = allocations.FirstOrDefault(a => a.Version.ToewijzingNummer == nummer);
        if (allocation is null)
        {
            report.Add(Definition, path.Child("ToewijzingNummer"), $"ToewijzingNummer of the {name} is not a current allocation of the client at this provider (TR019).");
        }
        else if (allocation.Version.Product != product)
        {
            report.Add(
                Definition,
                product is null ? path : path.Child("Product"),
                $"Product of the {name} is not the product as allocated in the ToegewezenProduct with its ToewijzingNummer: both Categorie and Code, only Categorie, or none (TR019, IV075).");
        }
    }
}
