using System.Text.Json;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Azure.Ledger;

public static class LedgerRows
{
    public static StateBatch AddLedger(this StateBatch batch, LedgerTransaction? transaction) => transaction is null ? batch : batch.Add(new LedgerEntity
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
        var postings = JsonSerializer.Deserialize<List<Posting>>(entity.PostingsJson) ?? [];
        return LedgerTransaction.Restore(entity.RowKey[(LedgerEntity.Kind.Length + 1)..], entity.PartitionKey, currency, entity.Type, entity.Reference, postings, entity.Created);
    }
}
