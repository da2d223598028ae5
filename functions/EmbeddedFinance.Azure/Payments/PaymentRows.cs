using System.Text.Json;
using Azure;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payments;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Azure.Payments;

public static class PaymentRows
{
    public static PaymentEntity ToEntity(Payment payment) => new()
    {
        PartitionKey = payment.Scope,
        RowKey = StateTable.RowKey(PaymentEntity.Kind, payment.Id),
        ETag = payment.Version is null ? default : new ETag(payment.Version),
        Mode = payment.Mode.ToString(),
        Amount = payment.Amount,
        Currency = payment.Currency.Code,
        Status = payment.Status.ToString(),
        CaptureOnCreate = payment.CaptureOnCreate,
        DisputeId = payment.DisputeId,
        AmountCaptured = payment.AmountCaptured,
        AmountRefunded = payment.AmountRefunded,
        ApplicationFeeAmount = payment.ApplicationFeeAmount,
        SplitsJson = JsonSerializer.Serialize(payment.Splits),
        RefundedSharesJson = payment.RefundedShares.Count == 0 ? null : JsonSerializer.Serialize(payment.RefundedShares),
        CardToken = payment.Card.Id,
        CardBrand = payment.Card.Brand.ToString(),
        CardLast4 = payment.Card.Last4,
        CardExpMonth = payment.Card.Expiry.Month,
        CardExpYear = payment.Card.Expiry.Year,
        CardFingerprint = payment.Card.Fingerprint,
        Description = payment.Description,
        MetadataJson = JsonSerializer.Serialize(payment.Metadata),
        FailureCode = payment.FailureCode,
        FailureMessage = payment.FailureMessage,
        Created = payment.Created,
        RiskScore = payment.Risk?.Score,
        RiskLevel = payment.Risk?.Level.ApiName(),
        RiskRules = payment.Risk is null ? null : string.Join(',', payment.Risk.Rules),
    };

    public static Payment ToPayment(PaymentEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        var mode = Enum.Parse<Mode>(entity.Mode);
        var card = new CardToken(entity.CardToken, entity.PartitionKey, Enum.Parse<CardBrand>(entity.CardBrand), entity.CardLast4,
            new CardExpiry(entity.CardExpMonth, entity.CardExpYear), entity.CardFingerprint, mode, entity.Created);
        return new Payment(
            entity.RowKey[(PaymentEntity.Kind.Length + 1)..], entity.PartitionKey, mode, entity.Amount, currency, Enum.Parse<PaymentStatus>(entity.Status),
            entity.CaptureOnCreate, entity.AmountCaptured, entity.AmountRefunded, entity.ApplicationFeeAmount,
            JsonSerializer.Deserialize<List<Split>>(entity.SplitsJson) ?? [], card, entity.Description,
            JsonSerializer.Deserialize<Dictionary<string, string>>(entity.MetadataJson) ?? [], entity.FailureCode, entity.FailureMessage, entity.Created)
        {
            Version = entity.ETag.ToString(),
            DisputeId = entity.DisputeId,
            Risk = entity.RiskScore is { } score
                ? new RiskAssessment(score, RiskLevels.Parse(entity.RiskLevel ?? "normal"), string.IsNullOrEmpty(entity.RiskRules) ? [] : entity.RiskRules.Split(','))
                : null,
            RefundedShares = entity.RefundedSharesJson is null ? [] : JsonSerializer.Deserialize<List<Share>>(entity.RefundedSharesJson) ?? [],
        };
    }

    public static RefundEntity ToEntity(Refund refund, string scope) => new()
    {
        PartitionKey = scope,
        RowKey = StateTable.RowKey(RefundEntity.Kind, refund.Id),
        PaymentId = refund.PaymentId,
        Amount = refund.Amount,
        Currency = refund.Currency.Code,
        Mode = refund.Mode.ToString(),
        Created = refund.Created,
        RefundApplicationFee = refund.RefundApplicationFee,
        SharesJson = JsonSerializer.Serialize(refund.Shares),
    };
}
