using System.Collections.Frozen;

namespace Backoffice.Core.Standard;

/// <summary>
/// The CBS municipality codes (gemeentelijke indeling) of the rule base, the list TR378 checks a
/// municipality code against: codelijsten/CBS_Gemeentecodes.md, "Gemeentelijke indeling 2026",
/// 342 codes. That list has no dates per code, only the day its indeling took effect, so a code is
/// known to be current from <see cref="Indeling"/> on; whether a code missing here was current on
/// an earlier day (before a municipal reorganisation) this list cannot tell.
/// <para>
/// Generated from the md file, sorted, with
/// <c>grep -oE '^\| [0-9]{4} \|' CBS_Gemeentecodes.md | grep -oE '[0-9]{4}' | sort</c>; a test
/// compares it with the file when the reference is present. Regenerate it when the rule base's list
/// changes.
/// </para>
/// </summary>
public static class CbsGemeentecodes
{
    /// <summary>The day the list's indeling took effect: its title and source say "per 1 januari 2026" (its Peildatum row says 01-01-2025).</summary>
    public static DateOnly Indeling { get; } = new(2026, 1, 1);

    public static FrozenSet<string> Codes { get; } = List
        .Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> (four digits) is in the list.</summary>
    public static bool Contains(string? code) => code is not null && Codes.Contains(code);

    private const string List = """
        0014 0034 0037 0047 0050 0059 0060 0072 0074 0080 0085 0086 0088 0090 0093 0096 0098 0106 0109 0114 0118 0119 0141 0147
        0148 0150 0153 0158 0160 0163 0164 0166 0168 0171 0173 0175 0177 0180 0183 0184 0189 0193 0197 0200 0202 0203 0209 0213
        0214 0216 0221 0222 0225 0226 0228 0230 0232 0233 0243 0244 0246 0252 0262 0263 0267 0268 0269 0273 0274 0275 0277 0279
        0281 0285 0289 0293 0294 0296 0297 0299 0301 0302 0303 0307 0308 0310 0312 0313 0317 0321 0327 0331 0335 0339 0340 0342
        0344 0345 0351 0352 0353 0355 0356 0358 0361 0362 0363 0373 0375 0376 0377 0383 0384 0385 0388 0392 0394 0396 0397 0399
        0400 0402 0405 0406 0415 0417 0420 0431 0432 0437 0439 0441 0448 0450 0451 0453 0473 0479 0482 0484 0489 0498 0502 0503
        0505 0512 0513 0518 0523 0531 0532 0534 0537 0542 0546 0547 0553 0556 0569 0575 0579 0589 0590 0597 0599 0603 0606 0610
        0613 0622 0626 0627 0629 0632 0637 0638 0642 0654 0664 0668 0677 0678 0687 0703 0715 0716 0717 0718 0736 0737 0743 0744
        0748 0753 0755 0757 0758 0762 0765 0766 0770 0772 0777 0779 0784 0785 0794 0796 0797 0798 0809 0820 0823 0824 0826 0828
        0840 0845 0847 0848 0851 0852 0855 0858 0861 0865 0866 0867 0873 0879 0880 0882 0888 0889 0893 0899 0907 0917 0928 0935
        0938 0944 0946 0957 0965 0971 0981 0983 0984 0986 0988 0994 0995 1507 1509 1525 1581 1586 1598 1621 1640 1641 1652 1655
        1658 1659 1667 1669 1674 1676 1680 1681 1690 1695 1696 1699 1700 1701 1705 1706 1708 1709 1711 1714 1719 1721 1723 1724
        1728 1729 1730 1731 1734 1735 1740 1742 1771 1773 1774 1783 1842 1859 1876 1883 1884 1891 1892 1894 1895 1896 1900 1901
        1903 1904 1911 1916 1924 1926 1930 1931 1940 1942 1945 1948 1949 1950 1952 1954 1955 1959 1960 1961 1963 1966 1969 1970
        1978 1979 1980 1982 1991 1992
        """;
}
