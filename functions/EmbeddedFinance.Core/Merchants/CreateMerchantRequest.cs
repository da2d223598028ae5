using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>The body of <c>POST /v1/merchants</c> as sent; <see cref="Validate"/> turns it into a command.</summary>
public sealed record CreateMerchantRequest(string? Name, string? Country, string? DefaultCurrency)
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
