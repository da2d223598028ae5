using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// A connected account's bank account in the clear: only ever between validation and the sealer, or between
/// the vault and the payout rail. Never logged (<see cref="ToString"/> is redacted) and never in a response.
/// </summary>
public sealed record BankAccount(Country Country, Currency Currency, string Number, string? RoutingNumber, string? HolderName)
{
    /// <summary>The last four characters of the account number or IBAN: all that ever leaves the vault.</summary>
    public string Last4 => Number[^4..];

    public override string ToString() => $"{nameof(BankAccount)} {{ {Country.Code} {Currency.Code} ••••{Last4} }}";
}

/// <summary>A bank account as stored: sealed under the bank-account data key, with its displayable parts beside it.</summary>
public sealed record PayoutDestination(Country Country, Currency Currency, string Last4, string KeyVersion, byte[] Ciphertext);

/// <summary>What responses show of a payout destination.</summary>
[Description("What is shown of a payout destination: never the number.")]
public sealed record PayoutDestinationView(
    [AllowedValues("bank_account")]
    string Type,
    string Country,
    string Currency,
    [StringLength(4, MinimumLength = 4)]
    string Last4)
{
    public static PayoutDestinationView? From(PayoutDestination? destination) =>
        destination is null ? null : new("bank_account", destination.Country.Code, destination.Currency.Code, destination.Last4);
}
