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
    public async Task<IReadOnlyDictionary<BalanceKey, Balance>> BalancesOfAsync(string scope, IEnumerable<BalanceKey> keys, CancellationToken cancellationToken) =>
        (await BalanceRows.ReadAsync(table, scope, keys, cancellationToken)).ToDictionary(balance => balance.Key);

    public async Task<IReadOnlyList<Balance>> BalancesAsync(string scope, string? accountPrefix, CancellationToken cancellationToken)
    {
        var (from, to) = accountPrefix is null
            ? StateTable.RowKeyRange(BalanceEntity.Kind)
            : (StateTable.RowKey(BalanceEntity.Kind, accountPrefix), StateTable.RowKey(BalanceEntity.Kind, accountPrefix) + "\uffff");
        var balances = new List<Balance>();
        await foreach (var entity in table.RangeInScope<BalanceEntity>(scope, from, to, cancellationToken: cancellationToken))
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
        await foreach (var marker in table.KindInScope<SettlementMarkerEntity>(scope, SettlementMarkerEntity.Kind, cancellationToken: cancellationToken))
        {
            applied.UnionWith(JsonSerializer.Deserialize<List<string>>(marker.AppliedJson) ?? []);
        }
        var transactions = new List<LedgerTransaction>();
        await foreach (var entity in table.KindInScope<LedgerEntity>(scope, LedgerEntity.Kind, cancellationToken: cancellationToken)) transactions.Add(LedgerRows.ToTransaction(entity));
        return (transactions, applied);
    }

    public Task<IReadOnlyList<string>> ScopesAsync(CancellationToken cancellationToken) =>
        table.ScopesWithAsync(LedgerEntity.Kind, null, cancellationToken);
}
