using System.Net.Mail;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Accounts;

public sealed record CreateAccountRequest(string? DisplayName, string? Email, string? Country, string? DefaultCurrency, Payouts.PayoutDestinationInput? PayoutDestination)
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
        return new CreateAccountCommand(name, email, country, currency, destination);
    }

    // Email addresses are personal data: never in a log line.
    public override string ToString() => nameof(CreateAccountRequest) + " { [redacted] }";
}

public sealed record CreateAccountCommand(string DisplayName, string Email, Country Country, Currency DefaultCurrency, Payouts.BankAccount? PayoutDestination)
{
    public override string ToString() => nameof(CreateAccountCommand) + " { [redacted] }";
}
