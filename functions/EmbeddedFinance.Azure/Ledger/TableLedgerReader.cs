using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Settlement;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Azure.Ledger;

public sealed class TableLedgerReader(StateTable table) : ILedgerReader
{
    public async Task<IReadOnlyList<Balance>> BalancesAsync(string scope, string? accountPrefix, CancellationToken cancellationToken)
    {
        var (from, to) = accountPrefix is null
            ? StateTable.RowKeyRange(BalanceEntity.Kind)
            : (StateTable.RowKey(BalanceEntity.Kind, accountPrefix), StateTable.RowKey(BalanceEntity.Kind, accountPrefix) + "\uffff");
        var balances = new List<Balance>();
        await foreach (var entity in Range<BalanceEntity>(scope, from, to, cancellationToken))
        {
            Currency.TryParse(entity.Currency, out var currency);
            balances.Add(new Balance(new BalanceKey(entity.Account, currency), entity.Amount, entity.ETag.ToString()));
        }
        return balances;
    }

    public Task<Page<LedgerTransaction>> TransactionsAsync(string scope, PageRequest page, string? owner, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<LedgerEntity, LedgerTransaction>(table.Client, scope, LedgerEntity.Kind, page, LedgerRows.ToTransaction, cancellationToken,
            owner is null ? null : transaction => transaction.Postings.Any(posting => posting.Account.StartsWith(owner + ":", StringComparison.Ordinal)));

    public async Task<(IReadOnlyList<LedgerTransaction> Transactions, IReadOnlySet<string> Applied)> JournalAsync(string scope, CancellationToken cancellationToken)
    {
        // Markers first: a transaction applied after this read is then missing from both sides, never from one.
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var (markersFrom, markersTo) = StateTable.RowKeyRange(SettlementMarkerEntity.Kind);
        await foreach (var marker in Range<SettlementMarkerEntity>(scope, markersFrom, markersTo, cancellationToken))
        {
            applied.UnionWith(JsonSerializer.Deserialize<List<string>>(marker.AppliedJson) ?? []);
        }
        var transactions = new List<LedgerTransaction>();
        var (from, to) = StateTable.RowKeyRange(LedgerEntity.Kind);
        await foreach (var entity in Range<LedgerEntity>(scope, from, to, cancellationToken)) transactions.Add(LedgerRows.ToTransaction(entity));
        return (transactions, applied);
    }

    public async Task<IReadOnlyList<string>> ScopesAsync(CancellationToken cancellationToken)
    {
        var (from, to) = StateTable.RowKeyRange(LedgerEntity.Kind);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.Client.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken)) scopes.Add(row.PartitionKey);
        return scopes.ToList();
    }

    private IAsyncEnumerable<T> Range<T>(string scope, string from, string to, CancellationToken cancellationToken) where T : class, ITableEntity, new() =>
        table.Client.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken);
}
