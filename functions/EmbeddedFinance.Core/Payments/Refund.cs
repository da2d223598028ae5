using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payments;

/// <summary>A refund and what each party gave back of it (<see cref="RefundAllocation"/>), in the order of the payment's parties.</summary>
public sealed record Refund(string Id, string PaymentId, long Amount, Currency Currency, Mode Mode, DateTimeOffset Created, bool RefundApplicationFee, IReadOnlyList<Share> Shares)
{
    public long ApplicationFeeRefunded => Shares.Where(share => share.Party == LedgerAccounts.Fee).Sum(share => share.Amount);
}

[Description("A refund of part or all of a captured payment.")]
public sealed record RefundView(
    [Description("Unique identifier, prefixed `re_`."), RegularExpression("^re_"), Example("re_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `refund`."), AllowedValues("refund")]
    string Object,
    [Description("The refunded payment."), RegularExpression("^pay_"), Example("pay_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Payment,
    [Description("The refunded amount, in minor units."), Range(1, 99999999), Example(500)]
    long Amount,
    [Description("The payment's currency: lower-case ISO 4217 code."), CurrencyCode, Example("usd")]
    string Currency,
    [Description("Always `succeeded`: a refund is complete when it is created."), AllowedValues("succeeded")]
    string Status,
    [Description("Whether the application fee was asked to give back its share of this refund.")]
    bool RefundApplicationFee,
    [Description("What the application fee gave back of this refund, in minor units: its share in proportion with `refund_application_fee`, otherwise 0 unless the split accounts no longer held enough of the payment to bear the refund."), Range(0, 99999999), Example(50)]
    long ApplicationFeeRefunded,
    [Description("What each split account gave back of this refund, in the payment's split order (always in proportion to what each received); empty when the payment is not split."), MaxLength(10)]
    IReadOnlyList<RefundedSplitView> Splits,
    [Description("When the refund was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode)
{
    public static RefundView From(Refund refund) => new(
        refund.Id, "refund", refund.PaymentId, refund.Amount, refund.Currency.Code, "succeeded", refund.RefundApplicationFee, refund.ApplicationFeeRefunded,
        refund.Shares.Where(share => share.Party.StartsWith("acct_", StringComparison.Ordinal)).Select(share => new RefundedSplitView(share.Party, share.Amount)).ToList(),
        refund.Created.ToUnixTimeSeconds(), refund.Mode == Mode.Live);
}

[Description("What one split account gave back of a refund.")]
public sealed record RefundedSplitView(
    [Description("A connected account the payment was split to (`acct_…`)."), MinLength(1), Example("acct_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Account,
    [Description("What it gave back, in minor units."), Range(0, 99999999), Example(450)]
    long Amount);
