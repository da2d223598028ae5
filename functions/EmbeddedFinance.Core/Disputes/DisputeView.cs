using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>The API representation of a dispute: responses and event payloads alike.</summary>
[Description("A card holder's dispute (chargeback) of a payment. When it opens, `amount` is taken back from the payment's split accounts (or the merchant) and its application fee, in proportion to what each still holds of the payment, and the platform pays the dispute fee. Won, the withdrawn amounts return (not the fee); lost, they stay withdrawn.")]
public sealed record DisputeView(
    [Description("Unique identifier, prefixed `dp_`."), RegularExpression("^dp_"), Example("dp_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `dispute`."), AllowedValues("dispute")]
    string Object,
    [Description("The disputed payment."), RegularExpression("^pay_"), Example("pay_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Payment,
    [Description("The disputed amount, in minor units: what was left of the payment after refunds when the dispute opened."), Range(1, 99999999), Example(2000)]
    long Amount,
    [Description("The payment's currency: lower-case ISO 4217 code."), CurrencyCode, Example("usd")]
    string Currency,
    [Description("Why the card holder disputes the payment; the sandbox always says `fraudulent`."), AllowedValues("fraudulent", "duplicate", "product_not_received", "product_unacceptable", "subscription_canceled", "credit_not_processed", "general"), Example("fraudulent")]
    string Reason,
    [Description("`needs_response`: evidence may be given until `evidence_due_by` (still unsubmitted then, the dispute is lost); `under_review`: evidence submitted, the issuer decides; `won`: the withdrawn amounts returned; `lost`: they stay withdrawn. `won` and `lost` are final."), AllowedValues("needs_response", "under_review", "won", "lost"), Example("needs_response")]
    string Status,
    [Description("The last moment evidence may be submitted, in Unix seconds."), Example(1717776517)]
    long EvidenceDueBy,
    [Description("The evidence given so far.")]
    DisputeEvidence Evidence,
    [Description("When the evidence was submitted, in Unix seconds; absent until then."), Example(1717171800)]
    long? EvidenceSubmittedAt,
    [Description("The dispute fee the platform paid, in minor units (from its `fee` account; never returned, even when the dispute is won)."), Range(0, 99999999), Example(1500)]
    long Fee,
    [Description("What the application fee gave back of `amount`, in minor units."), Range(0, 99999999), Example(200)]
    long ApplicationFeeWithdrawn,
    [Description("What each split account gave back of `amount`, in the payment's split order; empty when the payment is not split (the merchant then gave back the rest)."), MaxLength(10)]
    IReadOnlyList<RefundedSplitView> Splits,
    [Description("When the dispute opened, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode)
{
    public static DisputeView From(Dispute dispute) => new(
        dispute.Id, "dispute", dispute.PaymentId, dispute.Amount, dispute.Currency.Code, dispute.Reason, dispute.Status.ApiName(),
        dispute.EvidenceDueBy.ToUnixTimeSeconds(), dispute.Evidence, dispute.EvidenceSubmitted?.ToUnixTimeSeconds(), dispute.Fee,
        dispute.Withdrawn.Where(share => share.Party == LedgerAccounts.Fee).Sum(share => share.Amount),
        dispute.Withdrawn.Where(share => share.Party.StartsWith("acct_", StringComparison.Ordinal)).Select(share => new RefundedSplitView(share.Party, share.Amount)).ToList(),
        dispute.Created.ToUnixTimeSeconds(), dispute.Mode == Mode.Live);
}
