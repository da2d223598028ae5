using System.Text.Json;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;

namespace EmbeddedFinance.Azure.Settlement;

public static class SettlementJobRows
{
    /// <summary>A payment's ledger transaction and its settlement job (due at once, so marked for the sweep now), in the payment's batch.</summary>
    public static StateBatch AddLedgerToSettle(this StateBatch batch, LedgerTransaction? transaction) => transaction is null
        ? batch
        : batch.AddLedger(transaction).Add(ToJobEntity(transaction, SettlementStage.Apply, transaction.Created)).MarkWork(WorkPurpose.Settlement, transaction.Created);

    /// <summary>The job row of a transaction at a stage (written whole: a job carries its postings).</summary>
    public static SettlementJobEntity ToJobEntity(LedgerTransaction transaction, SettlementStage stage, DateTimeOffset dueAt) => new()
    {
        PartitionKey = transaction.Scope,
        RowKey = StateTable.RowKey(SettlementJobEntity.Kind, transaction.Id),
        Stage = stage.ToString(),
        DueAt = dueAt,
        Currency = transaction.Currency.Code,
        Type = transaction.Type,
        Reference = transaction.Reference,
        PostingsJson = JsonSerializer.Serialize(transaction.Postings),
        Created = transaction.Created,
    };

    public static SettlementJob ToJob(SettlementJobEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        var transaction = LedgerTransaction.Restore(
            entity.RowKey[(SettlementJobEntity.Kind.Length + 1)..], entity.PartitionKey, currency, entity.Type, entity.Reference, LedgerRows.Postings(entity.PostingsJson), entity.Created);
        return new SettlementJob(transaction, Enum.Parse<SettlementStage>(entity.Stage), entity.DueAt, entity.ETag.ToString());
    }
}
