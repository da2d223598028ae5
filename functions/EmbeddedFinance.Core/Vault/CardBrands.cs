namespace EmbeddedFinance.Core.Vault;

/// <summary>Brand by issuer identification number range, with the lengths each brand issues.</summary>
public static class CardBrands
{
    private sealed record Range(CardBrand Brand, int From, int To, int PrefixLength, int[] Lengths);

    private static readonly int[] Sixteen = [16];
    private static readonly int[] SixteenToNineteen = [16, 17, 18, 19];

    // Most specific prefixes first: 6-digit Mastercard 2-series and 4-digit Discover/JCB before 2-digit ranges.
    private static readonly Range[] Ranges =
    [
        new(CardBrand.Mastercard, 222100, 272099, 6, Sixteen),
        new(CardBrand.Discover, 6011, 6011, 4, SixteenToNineteen),
        new(CardBrand.Jcb, 3528, 3589, 4, SixteenToNineteen),
        new(CardBrand.Diners, 300, 305, 3, [14, 15, 16, 17, 18, 19]),
        new(CardBrand.Diners, 309, 309, 3, [14, 15, 16, 17, 18, 19]),
        new(CardBrand.Discover, 644, 649, 3, SixteenToNineteen),
        new(CardBrand.Amex, 34, 34, 2, [15]),
        new(CardBrand.Amex, 37, 37, 2, [15]),
        new(CardBrand.Diners, 36, 36, 2, [14, 15, 16, 17, 18, 19]),
        new(CardBrand.Diners, 38, 39, 2, [14, 15, 16, 17, 18, 19]),
        new(CardBrand.Mastercard, 51, 55, 2, Sixteen),
        new(CardBrand.Discover, 65, 65, 2, SixteenToNineteen),
        new(CardBrand.Unionpay, 62, 62, 2, SixteenToNineteen),
        new(CardBrand.Visa, 4, 4, 1, [13, 16, 19]),
    ];

    /// <summary>The brand of these digits and whether their length is one that brand issues; null for an unknown range.</summary>
    public static (CardBrand Brand, bool LengthValid)? Detect(string digits)
    {
        foreach (var range in Ranges)
        {
            if (digits.Length < range.PrefixLength) continue;
            var prefix = int.Parse(digits.AsSpan(0, range.PrefixLength), System.Globalization.CultureInfo.InvariantCulture);
            if (prefix >= range.From && prefix <= range.To) return (range.Brand, range.Lengths.Contains(digits.Length));
        }
        return null;
    }

    public static string ApiName(this CardBrand brand) => brand.ToString().ToLowerInvariant();
}
