using Backoffice.Core.Messages;

namespace Backoffice.Core.Register;

/// <summary>
/// Whether a message is between parties this backoffice deals with: a municipality it serves and a
/// provider it knows (<see cref="RegisterView.Parties"/>). The rule base has no retourcode for
/// either: TR378 (S300) asks only that a municipality code exists in the CBS list, and no rule
/// checks an AGB code against a register (an unknown sender is refused by the transport, VECOZO
/// BRS01, before a message reaches us). A message addressed to a municipality we do not serve is not
/// ours to answer, and an answer to an unknown sender has nowhere to go; so this is not a retour
/// matter but a refusal for staff, kept apart from the rules that produce retourcodes.
/// </summary>
public static class PartyCheck
{
    /// <summary>
    /// Why <paramref name="message"/> is refused for its parties, or null when both are ours: the
    /// municipality side (Afzender of what the municipality sends and of the retours 302/320 that copy
    /// its header, Ontvanger of what the provider sends) must be served, the provider side known.
    /// Names elements, never their values.
    /// </summary>
    public static string? Refusal(IwmoMessage message, PartyView parties)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(parties);
        var fromMunicipality = message.Type.MunicipalityIsAfzender;
        var (municipalityElement, providerElement) = fromMunicipality ? ("Afzender", "Ontvanger") : ("Ontvanger", "Afzender");
        return (parties.MunicipalityServed, parties.ProviderKnown) switch
        {
            (true, true) => null,
            (false, true) => $"The municipality in the Header {municipalityElement} is not one this backoffice serves.",
            (true, false) => $"The provider in the Header {providerElement} is not a provider this backoffice knows.",
            _ => $"Neither the municipality in the Header {municipalityElement} is served nor the provider in the Header {providerElement} is known by this backoffice.",
        };
    }
}
