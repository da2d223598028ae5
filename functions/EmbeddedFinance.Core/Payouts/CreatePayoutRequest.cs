using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>The body of <c>POST /v1/payouts</c>.</summary>
[Description("The body of `POST /v1/payouts`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreatePayoutRequest(
    [Description("The connected account to pay out (`404 resource_missing` when it is not the merchant's; `400 invalid_request` when it has no payout destination)."), RegularExpression("^acct_"), Required]
    string? Account,
    [Description("What arrives at the bank, in minor units. The account's available balance must cover it (plus an instant fee): otherwise `402 balance_insufficient` and nothing is written."), Range(1, 99999999), Required]
    long? Amount,
    [Description("Must be the payout destination's currency (`400 parameter_invalid`)."), Required]
    string? Currency,
    [Description("`instant` carries a fee (1 %, at least 50 minor units, configurable) taken to the merchant's fee account, and at most 1,000,000 minor units per payout (`400 amount_invalid`)."), AllowedValues("standard", "instant"), DefaultValue("standard")]
    string? Method,
    [StringLength(1000)]
    string? Description)
{
    public Result<CreatePayoutCommand> Validate()
    {
        if (string.IsNullOrEmpty(Account)) return Errors.ParameterMissing("account");
        if (!PrefixedId.IsWellFormed(Account, "acct")) return Errors.ResourceMissing("account", "account");
        var amount = Money.ParseAmount(Amount, "amount");
        if (!amount.IsSuccess) return amount.Error!;
        if (Currency is null) return Errors.ParameterMissing("currency");
        if (!Amounts.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported("currency");
        var method = Method switch
        {
            null or "standard" => PayoutMethod.Standard,
            "instant" => PayoutMethod.Instant,
            _ => (PayoutMethod?)null,
        };
        if (method is null) return Errors.ParameterInvalid("method", "The method must be 'standard' or 'instant'.");
        if (Description is { Length: > 1000 }) return Errors.ParameterInvalid("description", "The description must be at most 1000 characters.");
        return new CreatePayoutCommand(Account, new Money(amount.Value, currency), method.Value, Description);
    }
}

/// <param name="Period">For the payout schedule only: the period the payout pays, at most once (see <see cref="Payout.Period"/>).</param>
public sealed record CreatePayoutCommand(string Account, Money Amount, PayoutMethod Method, string? Description, string? Period = null);
