using System.Collections.Frozen;

namespace EmbeddedFinance.Core.Amounts;

/// <summary>An ISO 4217 currency the platform supports, with its minor-unit exponent.</summary>
public sealed record Currency
{
    private static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        ["aud"] = 2, ["brl"] = 2, ["cad"] = 2, ["chf"] = 2, ["czk"] = 2, ["dkk"] = 2, ["eur"] = 2,
        ["gbp"] = 2, ["hkd"] = 2, ["huf"] = 2, ["inr"] = 2, ["jpy"] = 0, ["krw"] = 0, ["mxn"] = 2,
        ["nok"] = 2, ["nzd"] = 2, ["pln"] = 2, ["sek"] = 2, ["sgd"] = 2, ["usd"] = 2, ["zar"] = 2,
        ["bhd"] = 3, ["kwd"] = 3,
    }.ToFrozenDictionary();

    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    /// <summary>Lower-case ISO 4217 code, as the API speaks it.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point: amounts are integers in 10^-Exponent of the unit.</summary>
    public int Exponent { get; }

    public static IEnumerable<string> SupportedCodes => Exponents.Keys.Order(StringComparer.Ordinal);

    public static bool TryParse(string? code, out Currency currency)
    {
        var normalized = code?.Trim().ToLowerInvariant();
        if (normalized is not null && Exponents.TryGetValue(normalized, out var exponent))
        {
            currency = new Currency(normalized, exponent);
            return true;
        }
        currency = null!;
        return false;
    }

    public override string ToString() => Code;
}
