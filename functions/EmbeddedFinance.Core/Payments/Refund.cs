using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payments;

public sealed record Refund(string Id, string PaymentId, long Amount, Currency Currency, Mode Mode, DateTimeOffset Created);

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
    [Description("When the refund was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode)
{
    public static RefundView From(Refund refund) => new(
        refund.Id, "refund", refund.PaymentId, refund.Amount, refund.Currency.Code, "succeeded", refund.Created.ToUnixTimeSeconds(), refund.Mode == Mode.Live);
}
