using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Ledger;

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

    public Task<Page<LedgerTransaction>> TransactionsAsync(string scope, PageRequest page, string? owner, CancellationToken cancellationToken) => owner is null
        ? CursorPages.ReadAsync<LedgerEntity, LedgerTransaction>(table.Client, scope, LedgerEntity.Kind, page, LedgerRows.ToTransaction, cancellationToken)
        : IndexPages.ReadAsync<LedgerEntity, LedgerTransaction>(table.Client, scope, LedgerRows.AccountIndex(owner), LedgerEntity.Kind, page, LedgerRows.ToTransaction, cancellationToken);

    public Task<Page<LedgerTransaction>> TransactionsOfAsync(string scope, string reference, PageRequest page, CancellationToken cancellationToken) =>
        IndexPages.ReadAsync<LedgerEntity, LedgerTransaction>(table.Client, scope, LedgerRows.ReferenceIndex(reference), LedgerEntity.Kind, page, LedgerRows.ToTransaction, cancellationToken);
}
