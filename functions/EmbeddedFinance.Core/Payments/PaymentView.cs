using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The API representation of a payment: responses and event payloads alike.</summary>
[Description("A card payment: authorized, then captured (at once or later), canceled, or declined; refunded in part or in full once captured.")]
public sealed record PaymentView(
    [Description("Unique identifier, prefixed `pay_`."), RegularExpression("^pay_"), Example("pay_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `payment`."), AllowedValues("payment")]
    string Object,
    [Description("The authorized amount, in minor units."), Range(1, 99999999), Example(2000)]
    long Amount,
    [Description("How much was captured: 0 until the payment is captured, then `amount` or less."), Range(0, double.PositiveInfinity), Example(2000)]
    long AmountCaptured,
    [Description("How much of `amount_captured` was refunded."), Range(0, double.PositiveInfinity), Example(0)]
    long AmountRefunded,
    [Description("Lower-case ISO 4217 currency code."), CurrencyCode, Example("usd")]
    string Currency,
    [Description("`requires_capture`: authorized, waiting to be captured or canceled; `requires_review`: authorized and held by a risk rule until `POST /v1/payments/{id}/approve` or `…/reject`; `succeeded`: captured (refunds do not change it); `failed`: declined, final; `canceled`: released without capture, final."), AllowedValues("requires_capture", "requires_review", "succeeded", "failed", "canceled"), Example("succeeded")]
    string Status,
    [Description("How the payment is captured (the request's `capture_method`): `automatic` at once, `manual` by `POST /v1/payments/{id}/capture`. Versions before 2026-12-01 say `capture`: `true` or `false`."), AllowedValues("automatic", "manual"), Example("automatic")]
    string CaptureMethod,
    [Description("The platform's fee, in minor units."), Range(0, double.PositiveInfinity), Example(200)]
    long ApplicationFeeAmount,
    [Description("The shares of connected accounts; empty when the payment is not split."), MaxLength(10)]
    IReadOnlyList<SplitView> Splits,
    CardView Card,
    [Description("Your description, when one was given."), StringLength(1000), Example("Ride 8841")]
    string? Description,
    [Description("Why the payment failed; present only on a `failed` payment: the acquirer's decline, or `blocked` by a risk rule (the card never reached the acquirer)."), AllowedValues("card_declined", "insufficient_funds", "expired_card", "blocked")]
    string? FailureCode,
    [Description("A human-readable reason for the decline; present only on a `failed` payment."), Example("The card was declined.")]
    string? FailureMessage,
    [Description("Present once money was captured: `pending` until the captured funds are settled, then `settled`."), AllowedValues("pending", "settled")]
    string? SettlementStatus,
    [Description("The payment's dispute (`dp_…`), once its card holder disputed it; absent otherwise. A disputed payment cannot be refunded."), RegularExpression("^dp_"), Example("dp_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string? Dispute,
    [Description("When the payment was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode,
    IReadOnlyDictionary<string, string> Metadata,
    [Description("The risk screening of the payment; absent when screening was off.")]
    RiskView? Risk)
{
    public static PaymentView From(Payment payment) => new(
        payment.Id, "payment", payment.Amount, payment.AmountCaptured, payment.AmountRefunded, payment.Currency.Code,
        payment.Status.ApiName(), payment.CaptureOnCreate ? CaptureMethodChange.Automatic : CaptureMethodChange.Manual, payment.ApplicationFeeAmount,
        payment.Splits.Select(split => new SplitView(split.Account, split.Amount)).ToList(),
        CardView.From(payment.Card, withTokenId: true), payment.Description, payment.FailureCode, payment.FailureMessage,
        payment.AmountCaptured > 0 ? "pending" : null, payment.DisputeId,
        payment.Created.ToUnixTimeSeconds(), payment.Mode == Common.Mode.Live, payment.Metadata, RiskView.From(payment.Risk));
}

[Description("The part of a payment that goes to one connected account.")]
public sealed record SplitView(
    [Description("A connected account of this merchant (`acct_…`)."), MinLength(1), Example("acct_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Account,
    [Description("The account's share, in minor units."), Range(1, 99999999), Example(1800)]
    long Amount);
