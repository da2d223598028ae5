using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Payments;

/// <summary>The API representation of a payment: responses and event payloads alike.</summary>
public sealed record PaymentView(
    string Id,
    string Object,
    long Amount,
    long AmountCaptured,
    long AmountRefunded,
    string Currency,
    string Status,
    bool Capture,
    long ApplicationFeeAmount,
    IReadOnlyList<SplitView> Splits,
    CardView Card,
    string? Description,
    string? FailureCode,
    string? FailureMessage,
    string? SettlementStatus,
    long Created,
    bool Livemode,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static PaymentView From(Payment payment) => new(
        payment.Id, "payment", payment.Amount, payment.AmountCaptured, payment.AmountRefunded, payment.Currency.Code,
        payment.Status.ApiName(), payment.CaptureOnCreate, payment.ApplicationFeeAmount,
        payment.Splits.Select(split => new SplitView(split.Account, split.Amount)).ToList(),
        CardView.From(payment.Card, withTokenId: true), payment.Description, payment.FailureCode, payment.FailureMessage,
        payment.AmountCaptured > 0 ? "pending" : null,
        payment.Created.ToUnixTimeSeconds(), payment.Mode == Common.Mode.Live, payment.Metadata);
}

public sealed record SplitView(string Account, long Amount);
