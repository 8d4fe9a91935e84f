namespace Backoffice.Core.Standard;

/// <summary>
/// The burgerservicenummer as the standard defines it (LDT_BurgerServicenummer: 9 digits, plus the
/// 11-proef of CS002), for every place that takes a BSN in: the level-2 rule and the indication import.
/// </summary>
public static class Bsn
{
    /// <summary>
    /// True when <paramref name="bsn"/> is 9 ASCII digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9
    /// divisible by 11 (the last weight is -1, which is what distinguishes it from the bank-account proef).
    /// </summary>
    public static bool PassesElfProef(string? bsn)
    {
        if (bsn is not { Length: 9 } || bsn.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }
}
