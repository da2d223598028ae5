using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Accounts;

[Description("The body of `POST /v1/accounts`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreateAccountRequest(
    [Description("The account's name: 1–200 characters after trimming surrounding white space, no control characters (`400 parameter_missing` when absent or blank, `400 parameter_invalid` otherwise)."), StringLength(200, MinimumLength = 1), Example("Dana Driver"), Required]
    string? DisplayName,
    [Description("One email address such as `dana@example.com`, at most 254 characters after trimming, with a dot in its domain; no display names or lists (`400 parameter_missing` when absent or blank, `400 parameter_invalid` otherwise)."), EmailAddress, StringLength(254), Example("dana@example.com"), Required]
    string? Email,
    [Description("A supported ISO 3166-1 alpha-2 country code such as `US` (matched case-insensitively, stored upper-case; otherwise `400 parameter_invalid`). Supported: AT, AU, BE, BG, BR, CA, CH, CY, CZ, DE, DK, EE, ES, FI, FR, GB, GR, HK, HR, HU, IE, IN, IT, JP, KR, LT, LU, LV, MT, MX, NL, NO, NZ, PL, PT, RO, SE, SG, SI, SK, US, ZA."), MinLength(2), Example("US"), Required]
    string? Country,
    [Description("A supported ISO 4217 currency code, written lower-case such as `usd` (matched case-insensitively; otherwise `400 currency_unsupported`). Supported: aud, bhd, brl, cad, chf, czk, dkk, eur, gbp, hkd, huf, inr, jpy, krw, kwd, mxn, nok, nzd, pln, sek, sgd, usd, zar."), MinLength(3), Example("usd"), Required]
    string? DefaultCurrency,
    [Description("Optional: where the account's payouts go (required before its first payout).")]
    Payouts.PayoutDestinationInput? PayoutDestination,
    [Description("Optional: when the account is paid out automatically (default `{\"interval\": \"manual\"}`).")]
    PayoutScheduleInput? PayoutSchedule = null)
{
    public Result<CreateAccountCommand> Validate()
    {
        var name = DisplayName?.Trim();
        if (string.IsNullOrEmpty(name)) return Errors.ParameterMissing("display_name");
        if (name.Length > 200 || name.Any(char.IsControl)) return Errors.ParameterInvalid("display_name", "The display name must be at most 200 characters, without control characters.");
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email)) return Errors.ParameterMissing("email");
        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return Errors.ParameterInvalid("email", "The email must be a single address such as 'driver@example.com'.");
        }
        if (Country is null) return Errors.ParameterMissing("country");
        if (!Common.Country.TryParse(Country, out var country)) return Errors.ParameterInvalid("country", "The country must be a supported ISO 3166-1 alpha-2 code.");
        if (DefaultCurrency is null) return Errors.ParameterMissing("default_currency");
        if (!Currency.TryParse(DefaultCurrency, out var currency)) return Errors.CurrencyUnsupported("default_currency");
        Payouts.BankAccount? destination = null;
        if (PayoutDestination is not null)
        {
            var bank = PayoutDestination.Validate();
            if (!bank.IsSuccess) return bank.Error!;
            destination = bank.Value;
        }
        Result<Accounts.PayoutSchedule> schedule = PayoutSchedule is null ? Accounts.PayoutSchedule.Manual : PayoutSchedule.Validate();
        if (!schedule.IsSuccess) return schedule.Error!;
        return new CreateAccountCommand(name, email, country, currency, destination, schedule.Value!);
    }

    // Email addresses are personal data: never in a log line.
    public override string ToString() => nameof(CreateAccountRequest) + " { [redacted] }";
}

public sealed record CreateAccountCommand(string DisplayName, string Email, Country Country, Currency DefaultCurrency, Payouts.BankAccount? PayoutDestination, PayoutSchedule PayoutSchedule)
{
    public override string ToString() => nameof(CreateAccountCommand) + " { [redacted] }";
}
