using System.Text.Json;
using Azure;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Disputes;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Azure.Disputes;

public static class DisputeRows
{
    public static DisputeEntity ToEntity(Dispute dispute) => new()
    {
        PartitionKey = dispute.Scope,
        RowKey = StateTable.RowKey(DisputeEntity.Kind, dispute.Id),
        ETag = dispute.Version is null ? default : new ETag(dispute.Version),
        Mode = dispute.Mode.ToString(),
        PaymentId = dispute.PaymentId,
        Amount = dispute.Amount,
        Currency = dispute.Currency.Code,
        Reason = dispute.Reason,
        Status = dispute.Status.ToString(),
        EvidenceDueBy = dispute.EvidenceDueBy,
        Created = dispute.Created,
        WithdrawnJson = JsonSerializer.Serialize(dispute.Withdrawn),
        Fee = dispute.Fee,
        EvidenceJson = JsonSerializer.Serialize(dispute.Evidence),
        EvidenceSubmitted = dispute.EvidenceSubmitted,
    };

    public static Dispute ToDispute(DisputeEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        return new Dispute(
            entity.RowKey[(DisputeEntity.Kind.Length + 1)..], entity.PartitionKey, Enum.Parse<Mode>(entity.Mode), entity.PaymentId, entity.Amount, currency,
            entity.Reason, Enum.Parse<DisputeStatus>(entity.Status), entity.EvidenceDueBy, entity.Created,
            JsonSerializer.Deserialize<List<Share>>(entity.WithdrawnJson) ?? [], entity.Fee,
            JsonSerializer.Deserialize<DisputeEvidence>(entity.EvidenceJson) ?? DisputeEvidence.None, entity.EvidenceSubmitted)
        {
            Version = entity.ETag.ToString(),
        };
    }
}
