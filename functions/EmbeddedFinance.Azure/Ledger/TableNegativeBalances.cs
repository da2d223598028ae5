using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Recovery;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Azure.Ledger;

/// <summary>
/// Balances below zero, in two rows. In the scope's partition, <c>negative|{account}|{currency}</c> (property
/// <c>Since</c>) is written in the settlement batch that takes the balance below zero, so it always says when the
/// current stretch below zero began. In the work table, partition <c>negative-balances</c>, a row keyed
/// <c>{since ticks}|{scope}|{account}|{currency}</c> is the index that reconciliation reads by range (ADR 011's due
/// rows): written before the batch commits and removed when the balance recovers. Like the work calendar's marks, the
/// index is a hint checked against the state: a row whose crossing did not commit, or whose balance recovered (a
/// failed payout returning funds) or crossed again later, is removed when reconciliation meets it.
/// </summary>
public sealed class TableNegativeBalances(StateTable table, DueRows rows) : INegativeBalanceIndex
{
    public const string Partition = "negative-balances";
    private const string Kind = "negative";

    /// <summary>Before the batch commits: the index rows of the balances it takes below zero; in the batch, their markers.</summary>
    public async Task AddCrossingsAsync(StateBatch batch, IReadOnlyList<BalanceCrossing> crossings, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var below = crossings.Where(crossing => crossing.Negative).ToList();
        await Task.WhenAll(below.Select(crossing => rows.PutAsync(
            new TableEntity(Partition, IndexKey(batch.PartitionKey, crossing.Key, at)) { ["Scope"] = batch.PartitionKey, ["Account"] = crossing.Key.Account, ["Currency"] = crossing.Key.Currency.Code, ["Since"] = at },
            cancellationToken)));
        foreach (var crossing in below) batch.Upsert(new TableEntity(batch.PartitionKey, MarkerKey(crossing.Key)) { ["Since"] = at });
    }

    /// <summary>After the batch committed: the index rows of the balances it brought back to zero or more go.</summary>
    public async Task RemoveRecoveredAsync(string scope, IReadOnlyList<BalanceCrossing> crossings, CancellationToken cancellationToken)
    {
        foreach (var crossing in crossings.Where(crossing => !crossing.Negative))
        {
            try
            {
                if (await SinceAsync(scope, crossing.Key, cancellationToken) is { } since) await rows.RemoveAsync(Partition, IndexKey(scope, crossing.Key, since), cancellationToken);
            }
            catch (RequestFailedException)
            {
                // The settlement has committed; a row left behind is a hint reconciliation checks and removes.
            }
        }
    }

    public async Task<IReadOnlyList<NegativeBalance>> NegativeSinceBeforeAsync(DateTimeOffset crossedBefore, int max, CancellationToken cancellationToken)
    {
        var found = new List<NegativeBalance>();
        foreach (var row in await rows.DueAsync(Partition, crossedBefore, max, cancellationToken))
        {
            var scope = row.GetString("Scope");
            Currency.TryParse(row.GetString("Currency"), out var currency);
            var key = new BalanceKey(row.GetString("Account"), currency);
            var since = row.GetDateTimeOffset("Since")!.Value;
            var balance = (await BalanceRows.ReadAsync(table, scope, [key], cancellationToken))[0];
            if (balance.Amount < 0 && await SinceAsync(scope, key, cancellationToken) == since)
            {
                found.Add(new NegativeBalance(scope, key.Account[..^NegativeBalances.AvailableSuffix.Length], currency.Code, balance.Amount, since));
            }
            else await rows.RemoveAsync(Partition, row.RowKey, cancellationToken);
        }
        return found;
    }

    private async Task<DateTimeOffset?> SinceAsync(string scope, BalanceKey key, CancellationToken cancellationToken)
    {
        var marker = await table.Client.GetEntityIfExistsAsync<TableEntity>(scope, MarkerKey(key), cancellationToken: cancellationToken);
        return marker.HasValue ? marker.Value!.GetDateTimeOffset("Since") : null;
    }

    private static string MarkerKey(BalanceKey key) => StateTable.RowKey(Kind, $"{key.Account}|{key.Currency.Code}");

    private static string IndexKey(string scope, BalanceKey key, DateTimeOffset since) => DueRows.RowKey(since, $"{scope}|{key.Account}|{key.Currency.Code}");
}
