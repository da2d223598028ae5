using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Ledger;

/// <summary>The object of <c>account.balance_negative</c>: which available balance went below zero, and to what.</summary>
[Description("An account's available balance that went below zero (a refund or dispute after its money was paid out). Payouts are refused until later earnings cover it; settlement nets them against it first.")]
public sealed record NegativeBalanceView(
    [Description("The object's type: always `negative_balance`."), AllowedValues("negative_balance")]
    string Object,
    [Description("The connected account (`acct_…`), or `merchant` for the merchant's own balance."), Example("acct_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Account,
    [Description("Lower-case ISO 4217 currency code."), CurrencyCode, Example("usd")]
    string Currency,
    [Description("The available balance right after the crossing, in minor units: below zero."), Range(double.NegativeInfinity, -1), Example(-450)]
    long Available,
    [Description("When the balance went below zero, in Unix seconds."), Example(1717171717)]
    long Created)
{
    public static NegativeBalanceView From(BalanceCrossing crossing, DateTimeOffset at) =>
        new("negative_balance", crossing.Owner, crossing.Key.Currency.Code, crossing.Amount, at.ToUnixTimeSeconds());
}
