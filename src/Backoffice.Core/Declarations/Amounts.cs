using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Reference;
using static Backoffice.Core.Reference.CatalogueCodes;

namespace Backoffice.Core.Declarations;

/// <summary>
/// The amounts a Prestatie must carry, in eurocents: IngediendBedrag = GeleverdVolume ×
/// ProductTarief (TR346) and the ProductTarief of the contract (TR418), with the conversion for
/// minutes declared against an hour tariff (IV081, TR346 toelichting). Whole-cent long arithmetic
/// only; "afgerond op 2 decimalen" of euros is a whole eurocent, and a half cent rounds up
/// (the text names no other way, and every amount here is positive).
/// </summary>
public static class Amounts
{

    /// <summary>TR346: GeleverdVolume × ProductTarief, exact (an overflow is a bug, never a rounding).</summary>
    public static long Multiply(long geleverdVolume, long productTariefCents) => checked(geleverdVolume * productTariefCents);

    /// <summary>
    /// TR346 toelichting, IV081: minutes at an hour tariff. "Eerst het contractuele uurtarief
    /// vermenigvuldigd met GeleverdVolume en daarna gedeeld door 60 en afgerond op 2 decimalen":
    /// the rounded per-minute ProductTarief on the line is not used, so 50 minutes at € 65,00 an
    /// hour is € 54,17 and not 50 × € 1,08.
    /// </summary>
    public static long MinutesAtHourTariff(long minutes, long hourTariffCents) => DivideBy60RoundingHalfUp(checked(minutes * hourTariffCents));

    /// <summary>IV081: the ProductTarief of a line declared in minutes on an hour tariff, the hour tariff / 60 rounded to a whole cent.</summary>
    public static long PerMinuteTariff(long hourTariffCents) => DivideBy60RoundingHalfUp(hourTariffCents);

    /// <summary>
    /// TR346: the IngediendBedrag <paramref name="prestatie"/> must carry. Minutes against a
    /// contract tariff per hour go through <see cref="MinutesAtHourTariff"/>; any other line is
    /// GeleverdVolume × its own ProductTarief (whether that tariff is the contract's is TR418's
    /// question, see <see cref="RequiredProductTarief"/>). <c>null</c> when TR346 does not apply:
    /// Eenheid 83, where IngediendBedrag equals GeleverdVolume (CS339), or a line without
    /// ProductTarief (CD087 reports it).
    /// </summary>
    public static long? ExpectedIngediendBedrag(Prestatie prestatie, ContractTariff? contract)
    {
        ArgumentNullException.ThrowIfNull(prestatie);
        if (prestatie.Eenheid == Euros)
        {
            return null;
        }

        if (prestatie.Eenheid == Minuut && contract is { Eenheid: Uur })
        {
            return MinutesAtHourTariff(prestatie.GeleverdVolume, contract.TariffCents);
        }

        return prestatie.ProductTarief is { } tarief ? Multiply(prestatie.GeleverdVolume, tarief) : null;
    }

    /// <summary>
    /// TR418: the ProductTarief a Prestatie declared in <paramref name="declaredEenheid"/> must
    /// carry under <paramref name="contract"/>: its TariffCents when the units are equal, the
    /// per-minute tariff for minutes on an hour tariff (IV081). <c>null</c> when there is no
    /// tariff to compare: a contract in Euro's (ProductTarief stays empty, CD087) or units that do
    /// not fit (TR341 rejects).
    /// </summary>
    public static long? RequiredProductTarief(ContractTariff contract, string declaredEenheid)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return (contract.Eenheid, declaredEenheid) switch
        {
            (Euros, _) => null,
            var (c, d) when string.Equals(c, d, StringComparison.Ordinal) => contract.TariffCents,
            (Uur, Minuut) => PerMinuteTariff(contract.TariffCents),
            _ => null,
        };
    }

    private static long DivideBy60RoundingHalfUp(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        var (quotient, remainder) = Math.DivRem(cents, 60);
        return remainder >= 30 ? quotient + 1 : quotient;
    }
}
