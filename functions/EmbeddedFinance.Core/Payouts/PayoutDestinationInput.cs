using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// <c>payout_destination</c> of <c>POST /v1/accounts</c>: a bank account. US accounts give a routing and an account
/// number; every other country gives an IBAN. Errors name the field, never echo its value.
/// </summary>
[Description("A bank account to pay out to. US accounts give `routing_number` (a valid 9-digit ABA number) and `account_number` (4–17 digits); every other supported country gives an `iban` of that country (checked by its mod-97 check digits). Spaces and dashes are ignored. Stored sealed in the vault; only the last four characters are ever shown. In the sandbox the last four digits choose the payout's outcome: `1116` fails with `no_account`, `1113` with `account_closed`, `0002` with `could_not_process`; anything else is paid.")]
[Example("""
{
  "type": "bank_account",
  "country": "US",
  "currency": "usd",
  "routing_number": "110000000",
  "account_number": "000123456789"
}
""")]
public sealed record PayoutDestinationInput(
    [AllowedValues("bank_account"), Required]
    string? Type,
    [Description("ISO 3166-1 alpha-2 country of the bank."), Required]
    string? Country,
    [Description("Lower-case ISO 4217 currency the account receives; payouts must be in it."), Required]
    string? Currency,
    [StringLength(200)]
    string? AccountHolderName,
    [Description("US only.")]
    string? RoutingNumber,
    [Description("US only.")]
    string? AccountNumber,
    [Description("Every country but the US.")]
    string? Iban)
{
    private const string Param = "payout_destination";

    public Result<BankAccount> Validate()
    {
        if (Type is null) return Errors.ParameterMissing($"{Param}.type");
        if (Type != "bank_account") return Errors.ParameterInvalid($"{Param}.type", "The only payout destination type is 'bank_account'.");
        if (Country is null) return Errors.ParameterMissing($"{Param}.country");
        if (!Common.Country.TryParse(Country, out var country)) return Errors.ParameterInvalid($"{Param}.country", "The country must be a supported ISO 3166-1 alpha-2 code.");
        if (Currency is null) return Errors.ParameterMissing($"{Param}.currency");
        if (!Amounts.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported($"{Param}.currency");
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
