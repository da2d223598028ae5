using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Azure.Ledger;

public static class LedgerRows
{
    /// <summary>The index of a connected account's transactions: <c>ledgeracct|{acct_…}|{ltx_…}</c>, for listing them by account.</summary>
    public const string AccountIndexKind = "ledgeracct";

    /// <summary>A payment's ledger transaction and its settlement job (due at once, so marked for the sweep now), in the payment's batch.</summary>
    public static StateBatch AddLedgerToSettle(this StateBatch batch, LedgerTransaction? transaction) => transaction is null
        ? batch
        : batch.AddLedger(transaction).Add(ToJobEntity(transaction, SettlementStage.Apply, transaction.Created)).MarkWork(WorkPurpose.Settlement, transaction.Created);

    /// <summary>The rows <see cref="AddLedger"/> writes for a transaction: itself and an index row per connected account it posts to.</summary>
    public static int RowsOf(LedgerTransaction transaction) => 1 + Owners(transaction).Count();

    /// <summary>The kind of one account's index rows (<c>ledgeracct|acct_…</c>), whose ids are the transactions'.</summary>
    public static string AccountIndex(string account) => $"{AccountIndexKind}|{account}";

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

    /// <summary>The transaction and, in the same batch, its index row under each connected account it posts to.</summary>
    public static StateBatch AddLedger(this StateBatch batch, LedgerTransaction transaction)
    {
        batch.Add(new LedgerEntity
        {
            PartitionKey = transaction.Scope,
            RowKey = StateTable.RowKey(LedgerEntity.Kind, transaction.Id),
            Currency = transaction.Currency.Code,
            Type = transaction.Type,
            Reference = transaction.Reference,
            PostingsJson = JsonSerializer.Serialize(transaction.Postings),
            Created = transaction.Created,
        });
        foreach (var owner in Owners(transaction)) batch.Add(new TableEntity(transaction.Scope, StateTable.RowKey(AccountIndex(owner), transaction.Id)));
        return batch;
    }

    /// <summary>The connected accounts (<c>acct_…</c>) whose ledger accounts (<c>acct_…:pending</c>) the transaction posts to.</summary>
    private static IEnumerable<string> Owners(LedgerTransaction transaction) => transaction.Postings
        .Select(posting => posting.Account.Split(':')[0])
        .Where(owner => owner.StartsWith(ConnectedAccountPrefix, StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal);

    private const string ConnectedAccountPrefix = "acct_";

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
