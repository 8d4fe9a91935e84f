using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register;

/// <summary>
/// What the register must load for one message: its municipality and provider (whichever way the
/// message travels), the client (absent in a 319/320, which carry only a reference), and the
/// allocation numbers and request references it names, for the rules that look beyond the client
/// (TR332: a number is unique per municipality; TR347/TR355: a reference per provider).
/// </summary>
public sealed record RegisterKey(
    MessageType Type,
    string Sender,
    string Identificatie,
    string Municipality,
    string Provider,
    string? Bsn,
    IReadOnlyList<int> ToewijzingNummers,
    IReadOnlyList<string> References)
{
    /// <summary>For a 323: its DeclaratieNummer (TR333); its References are the ReferentieNummers and VorigReferentieNummers of its prestaties.</summary>
    public string? DeclaratieNummer { get; init; }

    public static RegisterKey For(IwmoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = message.Header;
        var fromMunicipality = message.Type.MunicipalityIsAfzender;
        var municipality = fromMunicipality ? header.Afzender : header.Ontvanger;
        var provider = fromMunicipality ? header.Ontvanger : header.Afzender;
        var (bsn, numbers, references) = message switch
        {
            Wmo301 m => (m.Client.Gegevens.Bsn,
                Numbers(m.Client.ToegewezenProducten.Select(p => (int?)p.ToewijzingNummer)),
                Texts(m.Client.ToegewezenProducten.Select(p => p.ReferentieAanbieder))),
            Wmo302 m => (m.Client?.Gegevens.Bsn,
                Numbers(m.Client?.ToegewezenProducten.Select(p => (int?)p.ToegewezenProduct.ToewijzingNummer) ?? []),
                []),
            Wmo305 m => (m.Client.Gegevens.Bsn, Numbers(m.Client.StartProducten.Select(p => p.ToewijzingNummer)), []),
            Wmo307 m => (m.Client.Gegevens.Bsn, Numbers(m.Client.StopProducten.Select(p => p.ToewijzingNummer)), []),
            Wmo315 m => (m.Client.Gegevens.Bsn, [], Texts(m.Client.AangevraagdeProducten.Select(p => (string?)p.ReferentieAanbieder))),
            Wmo317 m => ((string?)m.Client.Bsn,
                Numbers(m.Client.Verzoek.OngewijzigdeProducten.Select(p => (int?)p.ToewijzingNummer)
                    .Concat(m.Client.Verzoek.TeWijzigenProducten.Select(p => (int?)p.ToewijzingNummer))),
                (IReadOnlyList<string>)[m.Client.Verzoek.ReferentieAanbieder]),
            Wmo319 m => (null, [], [m.Antwoord.ReferentieAanbieder]),
            Wmo320 m => (null, [], m.Antwoord is { } a ? [a.Antwoord.ReferentieAanbieder] : []),
            Wmo323 m => (null,
                Numbers(m.Declaratie.Clienten.SelectMany(c => c.Prestaties).Select(p => (int?)p.ToewijzingNummer)),
                Texts(m.Declaratie.Clienten.SelectMany(c => c.Prestaties).SelectMany(p => new[] { p.ProductReferentie.ReferentieNummer, p.ProductReferentie.VorigReferentieNummer }))),
            _ => ((string?)null, (IReadOnlyList<int>)[], (IReadOnlyList<string>)[]),
        };
        return new RegisterKey(message.Type, header.Afzender, header.BerichtIdentificatie.Identificatie, municipality, provider, bsn, numbers, references)
        {
            DeclaratieNummer = (message as Wmo323)?.Declaratie.DeclaratieNummer,
        };
    }

    private static IReadOnlyList<int> Numbers(IEnumerable<int?> numbers) => [.. numbers.OfType<int>().Distinct().Order()];

    private static IReadOnlyList<string> Texts(IEnumerable<string?> texts) => [.. texts.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Turns one accepted message into its register changes. One recorder per message type that changes
/// the register, found by this interface (the classes live in <c>Register/Recorders/</c>).
/// </summary>
public interface IRegisterRecorder
{
    MessageType Type { get; }

    /// <summary>The changes <paramref name="message"/> makes, given the register <paramref name="before"/> it.</summary>
    IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before);
}
