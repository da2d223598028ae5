using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>The body of <c>POST /v1/merchants</c> as sent; <see cref="Validate"/> turns it into a command.</summary>
[Description("The body of `POST /v1/merchants`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateMerchantRequest(
    [Description("The merchant's name: 1–200 characters after trimming surrounding white space, no control characters (`400 parameter_missing` when absent or blank, `400 parameter_invalid` otherwise)."), StringLength(200, MinimumLength = 1), Example("Rideshare Inc."), Required]
    string? Name,
    [Description("A supported ISO 3166-1 alpha-2 country code such as `US` (matched case-insensitively, stored upper-case; otherwise `400 parameter_invalid`). Supported: AT, AU, BE, BG, BR, CA, CH, CY, CZ, DE, DK, EE, ES, FI, FR, GB, GR, HK, HR, HU, IE, IN, IT, JP, KR, LT, LU, LV, MT, MX, NL, NO, NZ, PL, PT, RO, SE, SG, SI, SK, US, ZA."), MinLength(2), Example("US"), Required]
    string? Country,
    [Description("A supported ISO 4217 currency code, written lower-case such as `usd` (matched case-insensitively; otherwise `400 currency_unsupported`). Supported: aud, bhd, brl, cad, chf, czk, dkk, eur, gbp, hkd, huf, inr, jpy, krw, kwd, mxn, nok, nzd, pln, sek, sgd, usd, zar."), MinLength(3), Example("usd"), Required]
    string? DefaultCurrency)
{
    public const int MaxNameLength = 200;

    public Result<CreateMerchantCommand> Validate()
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Errors.ParameterMissing("name");
        if (name.Length > MaxNameLength) return Errors.ParameterInvalid("name", $"The name must be at most {MaxNameLength} characters.");
        if (name.Any(char.IsControl)) return Errors.ParameterInvalid("name", "The name must not contain control characters.");
        if (Country is null) return Errors.ParameterMissing("country");
        if (!Common.Country.TryParse(Country, out var country))
        {
            return Errors.ParameterInvalid("country", "The country must be a supported ISO 3166-1 alpha-2 code, such as 'US' or 'GB'.");
        }
        if (DefaultCurrency is null) return Errors.ParameterMissing("default_currency");
        if (!Currency.TryParse(DefaultCurrency, out var currency)) return Errors.CurrencyUnsupported("default_currency");
        return new CreateMerchantCommand(name, country, currency);
    }
}
