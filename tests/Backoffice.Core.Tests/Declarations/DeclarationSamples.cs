using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Tests.Declarations;

/// <summary>Small builders for the volume and amount tests: one allocation, one product period, one month.</summary>
internal static class DeclarationSamples
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static ToegewezenProduct Allocation(
        DateOnly ingangsdatum,
        DateOnly? einddatum,
        long volume,
        string eenheid,
        string frequentie,
        string categorie = "07",
        long? budget = null) =>
        new(
            ToewijzingNummer: 1,
            ReferentieAanbieder: null,
            Product: new Product(categorie, categorie + "A01"),
            Toewijzingsdatum: ingangsdatum,
            Toewijzingstijd: new TimeOnly(9, 0),
            Ingangsdatum: ingangsdatum,
            Einddatum: einddatum,
            RedenWijziging: null,
            Omvang: new Omvang(volume, eenheid, frequentie),
            Budget: budget,
            Commentaar: null);

    public static GeslotenPeriode Period(DateOnly begin, DateOnly end) => new(begin, end);

    /// <summary>The whole calendar month of <paramref name="day"/>.</summary>
    public static GeslotenPeriode Month(DateOnly day) =>
        new(new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month)));
}
