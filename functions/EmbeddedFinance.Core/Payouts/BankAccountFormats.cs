using System.Numerics;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>Format checks of bank identifiers, so a typo is a 400 at creation rather than a failed payout days later.</summary>
public static class BankAccountFormats
{
    /// <summary>A US ABA routing number: nine digits whose weighted sum (3, 7, 1) is a multiple of ten.</summary>
    public static bool IsRoutingNumber(string value)
    {
        if (value.Length != 9 || !value.All(char.IsAsciiDigit)) return false;
        int D(int i) => value[i] - '0';
        return (3 * (D(0) + D(3) + D(6)) + 7 * (D(1) + D(4) + D(7)) + D(2) + D(5) + D(8)) % 10 == 0;
    }

    /// <summary>A US account number: 4 to 17 digits.</summary>
    public static bool IsUsAccountNumber(string value) => value.Length is >= 4 and <= 17 && value.All(char.IsAsciiDigit);

    /// <summary>An IBAN (ISO 13616) of the given country: letters and digits, 15–34 long, check digits by mod 97.</summary>
    public static bool IsIban(string value, string country)
    {
        if (value.Length is < 15 or > 34 || !value.All(char.IsAsciiLetterOrDigit) || !value.StartsWith(country, StringComparison.Ordinal)) return false;
        if (!char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3])) return false;
        var rearranged = value[4..] + value[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>Spaces and dashes people type inside numbers, removed; letters upper-cased.</summary>
    public static string Normalize(string value) => string.Concat(value.Where(c => c is not (' ' or '-'))).ToUpperInvariant();
}
