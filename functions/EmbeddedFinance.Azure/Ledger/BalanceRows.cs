using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>
/// Balance rows and the marker saying which transactions were applied to them: every writer of balances
/// (settlement, payouts) writes them this way, so reconciliation has one rule to check.
/// </summary>
public static class BalanceRows
{
    public static string RowKey(BalanceKey key) => StateTable.RowKey(BalanceEntity.Kind, $"{key.Account}|{key.Currency.Code}");

    public static async Task<IReadOnlyList<Balance>> ReadAsync(StateTable table, string scope, IEnumerable<BalanceKey> keys, CancellationToken cancellationToken) =>
        await Task.WhenAll(keys.Select(async key =>
        {
            var found = await table.Client.GetEntityIfExistsAsync<BalanceEntity>(scope, RowKey(key), cancellationToken: cancellationToken);
            return found.HasValue ? new Balance(key, found.Value!.Amount, found.Value.ETag.ToString()) : Balance.Empty(key);
        }));

    /// <summary>
    /// Adds the marker of the applied transactions and the balances (each guarded by the version it was read at);
    /// returns the batch positions of the balances, to find their new versions in the batch's answer.
    /// </summary>
    public static IReadOnlyList<int> AddApplied(this StateBatch batch, string markerId, IReadOnlyList<LedgerTransaction> applied, int jobs, IReadOnlyList<Balance> balances, DateTimeOffset at)
    {
        // Reconciliation takes new markers of the scopes marked in its calendar, never by scanning for them.
        batch.MarkWork(WorkPurpose.Reconciliation);
        batch.AddGuarded(new SettlementMarkerEntity
        {
            PartitionKey = batch.PartitionKey,
            RowKey = StateTable.RowKey(SettlementMarkerEntity.Kind, markerId),
            AppliedJson = JsonSerializer.Serialize(applied.Select(transaction => transaction.Id)),
            Jobs = jobs,
            At = at,
        });
        var positions = new List<int>();
        foreach (var balance in balances)
        {
            positions.Add(batch.Count);
            var entity = new BalanceEntity
            {
                PartitionKey = batch.PartitionKey,
                RowKey = RowKey(balance.Key),
                Account = balance.Key.Account,
                Currency = balance.Key.Currency.Code,
                Amount = balance.Amount,
                Updated = at,
            };
            if (balance.Version is null) batch.AddGuarded(entity);
            else
            {
                entity.ETag = new ETag(balance.Version);
                batch.Replace(entity);
            }
        }
        return positions;
    }
}
