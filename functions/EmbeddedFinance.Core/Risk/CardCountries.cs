using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// The issuing country of a card, from its first digits. The sandbox knows three foreign ranges (API.md-style test
/// numbers: 4000 0082 6… GB, 4000 0027 6… DE, 4000 0025 0… FR) and takes every other card as US-issued; a live acquirer
/// adapter would answer from its BIN table instead.
/// </summary>
public static class CardCountries
{
    private static readonly (string Prefix, string Country)[] Ranges = [("400000826", "GB"), ("400000276", "DE"), ("400000250", "FR")];

    public static string Of(CardNumber number)
    {
        var digits = number.Reveal();
        foreach (var (prefix, country) in Ranges) if (digits.StartsWith(prefix, StringComparison.Ordinal)) return country;
        return "US";
    }
}
