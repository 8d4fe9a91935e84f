using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// The allocations a VOW is about: the current versions (<see cref="AllocationState.Current"/>) of
/// the client's allocations at the sending provider in the receiving municipality, still valid on or
/// after the VOW's Dagtekening. TR349 calls these "actuele toewijzingen: op of na de huidige datum
/// geldig"; the current date is read as the Dagtekening, the day the provider drew up the request,
/// so that a VOW is not judged on an allocation that ended between sending and processing (OP095).
/// TR349, TR350, TR351 and the rules on a TeWijzigenProduct's original allocation all use this set.
/// </summary>
internal static class VowAllocations
{
    private static readonly DateOnly Cutoff = new(2020, 12, 31);

    public static IReadOnlyDictionary<int, RecordedAllocation> Current(Wmo317 message, RegisterView before)
    {
        var key = RegisterKey.For(message);
        var bsn = message.Client.Bsn;
        var own = before.Allocations.Where(a => string.Equals(a.Bsn, bsn, StringComparison.Ordinal)
            && string.Equals(a.Provider, key.Provider, StringComparison.Ordinal)
            && string.Equals(a.Municipality, key.Municipality, StringComparison.Ordinal));
        return AllocationState.Current(own, message.Header.BerichtIdentificatie.Dagtekening).ToDictionary(a => a.Version.ToewijzingNummer);
    }

    /// <summary>
    /// Each TeWijzigenProduct of the VOW with its path and the current version of the allocation it
    /// changes ("het originele ToegewezenProduct"); one whose allocation is not current is left out,
    /// TR351 reports it.
    /// </summary>
    public static IEnumerable<(TeWijzigenProduct Line, XmlPath Path, ToegewezenProduct Original)> ToChange(Wmo317 message, RegisterView before)
    {
        var producten = message.Client.Verzoek.TeWijzigenProducten;
        if (producten.IsEmpty)
        {
            yield break;
        }

        var current = Current(message, before);
        var list = XmlPath.Bericht.Child("Client").Child("Verzoek").Child("TeWijzigenProducten");
        for (var i = 0; i < producten.Count; i++)
        {
            if (current.TryGetValue(producten[i].ToewijzingNummer, out var original))
            {
                yield return (producten[i], list.Item("TeWijzigenProduct", i), original.Version);
            }
        }
    }

    /// <summary>
    /// Einddatum empty or after 31-12-2020 (TR375, TR412, as CD080 for the 301): from 1-1-2021, release
    /// 3.0, an allocation without a product code has no Omvang. "Groter dan" is strict.
    /// </summary>
    public static bool EndsAfter2020(DateOnly? einddatum) => einddatum is not { } end || end > Cutoff;
}
