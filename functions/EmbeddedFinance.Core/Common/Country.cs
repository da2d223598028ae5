using System.Collections.Frozen;

namespace EmbeddedFinance.Core.Common;

/// <summary>An ISO 3166-1 alpha-2 country where the platform onboards merchants and accounts.</summary>
public sealed record Country
{
    private static readonly FrozenSet<string> Supported = new[]
    {
        "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR",
        "HK", "HR", "HU", "IE", "IN", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX", "NL", "NO", "NZ", "PL",
        "PT", "RO", "SE", "SG", "SI", "SK", "US", "ZA",
    }.ToFrozenSet();

    private Country(string code) => Code = code;

    public string Code { get; }

    public static IEnumerable<string> SupportedCodes => Supported.Order(StringComparer.Ordinal);

    public static bool TryParse(string? value, out Country country)
    {
        var normalized = value?.Trim().ToUpperInvariant();
        if (normalized is not null && Supported.Contains(normalized))
        {
            country = new Country(normalized);
            return true;
        }
        country = null!;
        return false;
    }

    public override string ToString() => Code;
}
