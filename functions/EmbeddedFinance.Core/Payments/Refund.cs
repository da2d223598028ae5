using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Payments;

public sealed record Refund(string Id, string PaymentId, long Amount, Currency Currency, Mode Mode, DateTimeOffset Created);

public sealed record RefundView(string Id, string Object, string Payment, long Amount, string Currency, string Status, long Created, bool Livemode)
{
    public static RefundView From(Refund refund) => new(
        refund.Id, "refund", refund.PaymentId, refund.Amount, refund.Currency.Code, "succeeded", refund.Created.ToUnixTimeSeconds(), refund.Mode == Mode.Live);
}
