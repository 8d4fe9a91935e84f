using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// What the level-3 rules on our own 301 share: its parties (the Afzender is the municipality, the
/// Ontvanger the provider), the recorded versions of the client's allocations there, and the path of
/// each ToegewezenProduct.
/// </summary>
internal static class Wmo301Register
{
    private static readonly XmlPath Producten = XmlPath.Bericht.Child("Client").Child("ToegewezenProducten");

    /// <summary>The path of the ToegewezenProduct at <paramref name="index"/> (0-based).</summary>
    public static XmlPath Product(int index) => Producten.Item("ToegewezenProduct", index);

    /// <summary>Every recorded version of the client's allocations from this municipality at this provider.</summary>
    public static IEnumerable<RecordedAllocation> OfClient(Wmo301 message, RegisterView view) =>
        view.Allocations.Where(a =>
            a.Municipality == message.Header.Afzender && a.Provider == message.Header.Ontvanger && a.Bsn == message.Client.Gegevens.Bsn);

    /// <summary>The recorded versions of <paramref name="number"/> of this client at this provider.</summary>
    public static IEnumerable<RecordedAllocation> OfNumber(Wmo301 message, RegisterView view, int number) =>
        OfClient(message, view).Where(a => a.Version.ToewijzingNummer == number);
}
