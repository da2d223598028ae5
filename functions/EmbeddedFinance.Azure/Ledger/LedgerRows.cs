using System.Text.Json;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Azure.Ledger;

public static class LedgerRows
{
    /// <summary>A payment's ledger transaction and its settlement job, in the payment's batch.</summary>
    public static StateBatch AddLedgerToSettle(this StateBatch batch, LedgerTransaction? transaction) => transaction is null
        ? batch
        : batch.AddLedger(transaction).Add(ToJobEntity(transaction, SettlementStage.Apply, transaction.Created));

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

    public static StateBatch AddLedger(this StateBatch batch, LedgerTransaction transaction) => batch.Add(new LedgerEntity
    {
        PartitionKey = transaction.Scope,
        RowKey = StateTable.RowKey(LedgerEntity.Kind, transaction.Id),
        Currency = transaction.Currency.Code,
        Type = transaction.Type,
        Reference = transaction.Reference,
        PostingsJson = JsonSerializer.Serialize(transaction.Postings),
        Created = transaction.Created,
    });

    public static LedgerTransaction ToTransaction(LedgerEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        return LedgerTransaction.Restore(entity.RowKey[(LedgerEntity.Kind.Length + 1)..], entity.PartitionKey, currency, entity.Type, entity.Reference, Postings(entity.PostingsJson), entity.Created);
    }

    public static SettlementJob ToJob(SettlementJobEntity entity)
    {
        Currency.TryParse(entity.Currency, out var currency);
        var transaction = LedgerTransaction.Restore(
            entity.RowKey[(SettlementJobEntity.Kind.Length + 1)..], entity.PartitionKey, currency, entity.Type, entity.Reference, Postings(entity.PostingsJson), entity.Created);
        return new SettlementJob(transaction, Enum.Parse<SettlementStage>(entity.Stage), entity.DueAt, entity.ETag.ToString());
    }

    private static List<Posting> Postings(string json) => JsonSerializer.Deserialize<List<Posting>>(json) ?? [];
}
