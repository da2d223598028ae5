using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>A payout as the API shows it: the destination by its last four characters only.</summary>
[Description("Money on its way from a connected account's available balance to its bank. Statuses: `pending` (reserved: moved from available to in-transit) → `in_transit` (handed to the rail) → `paid` | `failed` (the amount and any fee return to available; `failure_code` says why).")]
[Example("""
{
  "id": "po_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "payout",
  "account": "acct_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "amount": 3000,
  "fee": 0,
  "currency": "usd",
  "method": "standard",
  "status": "pending",
  "destination_last4": "6789",
  "automatic": false,
  "created": 1717171717,
  "livemode": false
}
""")]
public sealed record PayoutView(
    [RegularExpression("^po_")]
    string Id,
    [AllowedValues("payout")]
    string Object,
    string Account,
    long Amount,
    long Fee,
    string Currency,
    [AllowedValues("standard", "instant")]
    string Method,
    [AllowedValues("pending", "in_transit", "paid", "failed", "canceled")]
    string Status,
    string DestinationLast4,
    string? Description,
    [Description("`true` when the account's payout schedule made the payout, `false` for `POST /v1/payouts`.")]
    bool Automatic,
    [AllowedValues("no_account", "account_closed", "could_not_process")]
    string? FailureCode,
    string? FailureMessage,
    long Created,
    bool Livemode)
{
    public static PayoutView From(Payout payout) => new(
        payout.Id, "payout", payout.Account, payout.Amount, payout.Fee, payout.Currency.Code, payout.Method.ApiName(), payout.Status.ApiName(),
        payout.DestinationLast4,
        payout.Description, payout.Automatic, payout.FailureCode, payout.FailureMessage, payout.Created.ToUnixTimeSeconds(), payout.Mode == Common.Mode.Live);
}
