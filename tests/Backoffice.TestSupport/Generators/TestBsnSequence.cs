using System.Globalization;

namespace Backoffice.TestSupport.Generators;

/// <summary>
/// Test BSNs in order: 9999xxxxx first (like the reference sample), then the rest of 999xxxxxx;
/// prefixes whose check digit would be 10 are skipped, so every number passes the 11-proef. About
/// 90,000 numbers in all. The same sequence every time (the generators are deterministic).
/// </summary>
public sealed class TestBsnSequence
{
    private int _prefix = 99_990_000;
    private bool _wrapped;

    public string Next()
    {
        while (true)
        {
            if (_prefix > 99_999_999 && !_wrapped)
            {
                _prefix = 99_900_000;
                _wrapped = true;
            }

            if (_wrapped && _prefix >= 99_990_000)
            {
                break;
            }

            var digits = _prefix.ToString("D8", CultureInfo.InvariantCulture);
            _prefix++;
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (digits[i] - '0') * (9 - i);
            }

            var check = sum % 11;
            if (check < 10)
            {
                return digits + (char)('0' + check);
            }
        }

        throw new InvalidOperationException("The 999xxxxxx test BSN range is exhausted (about 90,000 clients).");
    }
}
