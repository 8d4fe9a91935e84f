using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level4;

/// <summary>
/// TR378: the municipality code is one of the CBS list current on Ingangsdatum or
/// ToewijzingIngangsdatum. The code is the Header's Afzender in what the municipality sends (301,
/// 319, 325) and its Ontvanger in what the provider sends. Read as the toelichting reads it: the
/// list current when the message is made (its Dagtekening) always counts, and after a municipal
/// reorganisation so does the older list current on the Ingangsdatum of a ToegewezenProduct (301) or
/// the ToewijzingIngangsdatum of an AangevraagdProduct (315), StartProduct (305) or StopProduct (307).
/// <para>
/// The rule base's list (<see cref="CbsGemeentecodes"/>) is the indeling of one day without older
/// lists, so a code missing from it is known to be wrong only on days from that indeling on. The
/// finding is made when the code is missing and every one of those dates lies on or after it; when
/// one lies before it the code may have been current then, and a message is not refused on what we
/// cannot know (OP095).
/// </para>
/// </summary>
internal sealed class TR378 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level4(
        "TR378",
        "S300",
        "Vullen met een bestaande gemeentecode uit het overzicht van CBS dat actueel is op Ingangsdatum of ToewijzingIngangsdatum.",
        HeaderScopes.HeenMessagesAnd325());

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        var fromMunicipality = message.Type.MunicipalityIsAfzender;
        var code = fromMunicipality ? message.Header.Afzender : message.Header.Ontvanger;
        if (CbsGemeentecodes.Contains(code))
        {
            return;
        }

        var days = ProductDates(message).Append(message.Header.BerichtIdentificatie.Dagtekening);
        if (days.All(day => day >= CbsGemeentecodes.Indeling))
        {
            var element = fromMunicipality ? "Afzender" : "Ontvanger";
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Header").Child(element),
                $"{element} is not a municipality code of the CBS list current on the Dagtekening or the Ingangsdatum of the products (TR378).");
        }
    }

    private static IEnumerable<DateOnly> ProductDates(IwmoMessage message) => message switch
    {
        Wmo301 m => m.Client.ToegewezenProducten.Select(p => p.Ingangsdatum),
        Wmo315 m => m.Client.AangevraagdeProducten.Select(p => p.ToewijzingIngangsdatum),
        Wmo305 m => m.Client.StartProducten.Select(p => p.ToewijzingIngangsdatum).OfType<DateOnly>(),
        Wmo307 m => m.Client.StopProducten.Select(p => p.ToewijzingIngangsdatum).OfType<DateOnly>(),
        _ => [],
    };
}
