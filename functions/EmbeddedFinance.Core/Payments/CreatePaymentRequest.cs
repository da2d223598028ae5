using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The body of <c>POST /v1/payments</c>.</summary>
[Description("The body of `POST /v1/payments`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record CreatePaymentRequest(
    [Description("The amount to authorize, in the currency's minor unit: 1–99999999 (`400 parameter_missing` when absent, `400 amount_invalid` out of range)."), Range(1, 99999999), Example(2000), Required]
    long? Amount,
    [Description("A supported ISO 4217 currency code, written lower-case such as `usd` (matched case-insensitively; otherwise `400 currency_unsupported`, param `currency`). Supported: aud, bhd, brl, cad, chf, czk, dkk, eur, gbp, hkd, huf, inr, jpy, krw, kwd, mxn, nok, nzd, pln, sek, sgd, usd, zar."), MinLength(3), Example("usd"), Required]
    string? Currency,
    [Description("A token (`tok_…`) of this merchant, in the key's mode, from `POST /v1/tokens`. An unknown token, or another merchant's, is `404 resource_missing` (param `payment_method`)."), MinLength(1), Example("tok_01HZX3K8J4Q2V7N5T9B6C1D0EF"), Required]
    string? PaymentMethod,
    [Description("`automatic` captures at once (default). `manual` only authorizes: the payment is `requires_capture` until `POST /v1/payments/{id}/capture` or `…/cancel`. Anything else is `400 parameter_invalid`. Versions before 2026-12-01 send the boolean `capture` instead (`true` is `automatic`)."), AllowedValues("automatic", "manual"), DefaultValue("automatic")]
    string? CaptureMethod,
    [Description("The platform's fee, in minor units: 0 to `amount` (default 0; more is `400 amount_invalid`, param `application_fee_amount`)."), DefaultValue(0), Range(0, 99999999), Example(200)]
    long? ApplicationFeeAmount,
    [Description("Up to 10 shares of the payment for connected accounts of this merchant, each account at most once. With splits, the splits plus `application_fee_amount` must equal `amount` (otherwise `400 parameter_invalid`, param `splits`); without them, what is not the fee goes to the merchant. An unknown account, or another merchant's, is `404 resource_missing` (param `splits[i].account`). Partial captures and refunds keep these proportions."), MaxLength(10)]
    IReadOnlyList<SplitInput>? Splits,
    [Description("Your description of the payment: at most 1000 characters (otherwise `400 parameter_invalid`)."), StringLength(1000), Example("Ride 8841")]
    string? Description,
    IReadOnlyDictionary<string, string>? Metadata,
    [Description("Where the card holder is, as you saw them: the address and country of their browser or app. Optional; used only by risk screening (the address velocity and country mismatch rules, which stay silent without it).")]
    ClientInput? Client = null)
{
    public const int MaxSplits = 10;

    public Result<CreatePaymentCommand> Validate()
    {
        var amount = Money.ParseAmount(Amount, "amount");
        if (!amount.IsSuccess) return amount.Error!;
        if (Currency is null) return Errors.ParameterMissing("currency");
        if (!Amounts.Currency.TryParse(Currency, out var currency)) return Errors.CurrencyUnsupported("currency");
        if (string.IsNullOrEmpty(PaymentMethod)) return Errors.ParameterMissing("payment_method");
        if (!PrefixedId.IsWellFormed(PaymentMethod, "tok")) return Errors.ResourceMissing("token", "payment_method");

        var fee = Money.ParseAmount(ApplicationFeeAmount ?? 0, "application_fee_amount", allowZero: true);
        if (!fee.IsSuccess) return fee.Error!;
        if (fee.Value > amount.Value)
        {
            return new ApiError(400, "amount_invalid", "The application fee cannot exceed the amount.", "application_fee_amount");
        }

        var splits = ValidateSplits(amount.Value, fee.Value);
        if (!splits.IsSuccess) return splits.Error!;
        if (Description is { Length: > 1000 }) return Errors.ParameterInvalid("description", "The description must be at most 1000 characters.");
        if (PaymentMetadata.Validate(Metadata) is { } invalidMetadata) return invalidMetadata;
        if (CaptureMethod is not (null or CaptureMethodChange.Automatic or CaptureMethodChange.Manual))
        {
            return Errors.ParameterInvalid("capture_method", "The capture_method must be 'automatic' or 'manual'.");
        }

        var client = ClientInput.Validate(Client);
        if (!client.IsSuccess) return client.Error!;

        return new CreatePaymentCommand(
            new Money(amount.Value, currency), PaymentMethod, CaptureMethod != CaptureMethodChange.Manual, fee.Value, splits.Value!, Description,
            Metadata ?? new Dictionary<string, string>()) { Client = client.Value! };
    }

    private Result<IReadOnlyList<Split>> ValidateSplits(long amount, long fee)
    {
        if (Splits is null || Splits.Count == 0) return Result<IReadOnlyList<Split>>.Success([]);
        if (Splits.Count > MaxSplits) return Errors.ParameterInvalid("splits", $"A payment has at most {MaxSplits} splits.");
        var splits = new List<Split>();
        for (var i = 0; i < Splits.Count; i++)
        {
            var input = Splits[i];
            if (input is null) return Errors.ParameterInvalid($"splits[{i}]", "Each split is an object with 'account' and 'amount'.");
            if (string.IsNullOrEmpty(input.Account)) return Errors.ParameterMissing($"splits[{i}].account");
            if (!PrefixedId.IsWellFormed(input.Account, "acct")) return Errors.ResourceMissing("account", $"splits[{i}].account");
            var splitAmount = Money.ParseAmount(input.Amount, $"splits[{i}].amount");
            if (!splitAmount.IsSuccess) return splitAmount.Error!;
            if (splits.Any(split => split.Account == input.Account)) return Errors.ParameterInvalid($"splits[{i}].account", "Each account may appear in one split only.");
            splits.Add(new Split(input.Account, splitAmount.Value));
        }
        if (splits.Sum(split => split.Amount) + fee != amount)
        {
            return Errors.ParameterInvalid("splits", $"The splits ({splits.Sum(split => split.Amount)}) plus the application fee ({fee}) must equal the amount ({amount}).");
        }
        return splits;
    }
}

[Description("The part of a payment that goes to one connected account.")]
public sealed record SplitInput(
    [Description("A connected account of this merchant (`acct_…`)."), MinLength(1), Example("acct_01HZX3K8J4Q2V7N5T9B6C1D0EF"), Required]
    string? Account,
    [Description("The account's share, in minor units."), Range(1, 99999999), Example(1800), Required]
    long? Amount);

public sealed record CreatePaymentCommand(
    Money Amount,
    string TokenId,
    bool Capture,
    long ApplicationFeeAmount,
    IReadOnlyList<Split> Splits,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata)
{
    public Risk.ClientContext Client { get; init; } = Risk.ClientContext.Unknown;
}
