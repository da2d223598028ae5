using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Ledger;

public static class LedgerRows
{
    /// <summary>The index of a connected account's transactions: <c>ledgeracct|{acct_…}|{ltx_…}</c>, for listing them by account.</summary>
    public const string AccountIndexKind = "ledgeracct";

    /// <summary>The index of the transactions a payment, refund or other object caused: <c>ledgerref|{reference}|{ltx_…}</c>.</summary>
    public const string ReferenceIndexKind = "ledgerref";

    /// <summary>The rows <see cref="AddLedger"/> writes for a transaction: itself, its reference's index row, and an index row per connected account it posts to.</summary>
    public static int RowsOf(LedgerTransaction transaction) => 2 + Owners(transaction).Count();

    /// <summary>The kind of one reference's index rows (<c>ledgerref|pay_…</c>), whose ids are the transactions'.</summary>
    public static string ReferenceIndex(string reference) => $"{ReferenceIndexKind}|{reference}";

    /// <summary>The kind of one account's index rows (<c>ledgeracct|acct_…</c>), whose ids are the transactions'.</summary>
    public static string AccountIndex(string account) => $"{AccountIndexKind}|{account}";

    /// <summary>The transaction and, in the same batch, its index row under its reference and under each connected account it posts to.</summary>
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
        batch.Add(new TableEntity(transaction.Scope, StateTable.RowKey(ReferenceIndex(transaction.Reference), transaction.Id)));
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

    internal static List<Posting> Postings(string json) => JsonSerializer.Deserialize<List<Posting>>(json) ?? [];
}
