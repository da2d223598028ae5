using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// <c>payout_destination</c> of <c>POST /v1/accounts</c>: a bank account. US accounts give a routing and an account
/// number; every other country gives an IBAN. Errors name the field, never echo its value.
/// </summary>
public sealed record PayoutDestinationInput(string? Type, string? Country, string? Currency, string? AccountHolderName, string? RoutingNumber, string? AccountNumber, string? Iban)
{
    private const string Param = "payout_destination";

    public Result<BankAccount> Validate()
    {
        if (Type is null) return Errors.ParameterMissing($"{Param}.type");
        if (Type != "bank_account") return Errors.ParameterInvalid($"{Param}.type", "The only payout destination type is 'bank_account'.");
        if (Country is null) return Errors.ParameterMissing($"{Param}.country");
        if (!Common.Country.TryParse(Country, out var country)) return Errors.ParameterInvalid($"{Param}.country", "The country must be a supported ISO 3166-1 alpha-2 code.");
        if (Currency is null) return Errors.ParameterMissing($"{Param}.currency");
        if (!Money.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported($"{Param}.currency");
        var holder = AccountHolderName?.Trim();
        if (holder is { Length: > 200 } || (holder is not null && holder.Any(char.IsControl)))
        {
            return Errors.ParameterInvalid($"{Param}.account_holder_name", "The account holder name must be at most 200 characters, without control characters.");
        }

        if (country.Code == "US")
        {
            if (Iban is not null) return Errors.ParameterInvalid($"{Param}.iban", "US bank accounts take a routing_number and an account_number, not an IBAN.");
            if (RoutingNumber is null) return Errors.ParameterMissing($"{Param}.routing_number");
            var routing = BankAccountFormats.Normalize(RoutingNumber);
            if (!BankAccountFormats.IsRoutingNumber(routing)) return Errors.ParameterInvalid($"{Param}.routing_number", "The routing number must be a valid 9-digit ABA routing number.");
            if (AccountNumber is null) return Errors.ParameterMissing($"{Param}.account_number");
            var number = BankAccountFormats.Normalize(AccountNumber);
            if (!BankAccountFormats.IsUsAccountNumber(number)) return Errors.ParameterInvalid($"{Param}.account_number", "The account number must be 4 to 17 digits.");
            return new BankAccount(country, currency, number, routing, string.IsNullOrEmpty(holder) ? null : holder);
        }

        if (RoutingNumber is not null || AccountNumber is not null)
        {
            return Errors.ParameterInvalid($"{Param}.iban", $"Bank accounts in {country.Code} are given by IBAN, not routing and account numbers.");
        }
        if (Iban is null) return Errors.ParameterMissing($"{Param}.iban");
        var iban = BankAccountFormats.Normalize(Iban);
        if (!BankAccountFormats.IsIban(iban, country.Code)) return Errors.ParameterInvalid($"{Param}.iban", $"The IBAN is not a valid IBAN of {country.Code}.");
        return new BankAccount(country, currency, iban, null, string.IsNullOrEmpty(holder) ? null : holder);
    }

    public override string ToString() => nameof(PayoutDestinationInput) + " { [redacted] }";
}
