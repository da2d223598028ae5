using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;

namespace EmbeddedFinance.Azure.Settlement;

public sealed class TableSettlementStore(StateTable table, StateBatches batches) : ISettlementStore
{
    public async Task<IReadOnlyList<SettlementJob>> ReadDueAsync(string scope, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var jobs = new List<SettlementJob>();
        await foreach (var entity in table.KindInScope<SettlementJobEntity>(scope, SettlementJobEntity.Kind, TableClient.CreateQueryFilter($"DueAt le {now}"), max, cancellationToken))
        {
            jobs.Add(LedgerRows.ToJob(entity));
            if (jobs.Count == max) break;
        }
        return jobs;
    }

    public async Task<IReadOnlyList<Balance>> ReadBalancesAsync(string scope, IEnumerable<BalanceKey> keys, CancellationToken cancellationToken) =>
        await Task.WhenAll(keys.Select(async key =>
        {
            var found = await table.Client.GetEntityIfExistsAsync<BalanceEntity>(scope, BalanceRowKey(key), cancellationToken: cancellationToken);
            return found.HasValue ? new Balance(key, found.Value!.Amount, found.Value.ETag.ToString()) : Balance.Empty(key);
        }));

    public async Task<IReadOnlyList<Balance>> CommitAsync(SettlementRun run, CancellationToken cancellationToken)
    {
        var batch = batches.For(run.Scope).AddGuarded(new SettlementMarkerEntity
        {
            PartitionKey = run.Scope,
            RowKey = StateTable.RowKey(SettlementMarkerEntity.Kind, run.Id),
            AppliedJson = JsonSerializer.Serialize(run.Applied.Select(transaction => transaction.Id)),
            Jobs = run.Finished.Count + run.Deferred.Count,
            At = run.At,
        });
        foreach (var job in run.Finished) batch.Delete(JobRow(job, job.Stage, job.DueAt));
        foreach (var (job, releaseAt) in run.Deferred) batch.Replace(JobRow(job, SettlementStage.Release, releaseAt));
        foreach (var transaction in run.Created) batch.AddLedger(transaction);
        var balanceRows = new List<int>();
        foreach (var balance in run.Balances)
        {
            balanceRows.Add(batch.Count);
            var entity = new BalanceEntity
            {
                PartitionKey = run.Scope,
                RowKey = BalanceRowKey(balance.Key),
                Account = balance.Key.Account,
                Currency = balance.Key.Currency.Code,
                Amount = balance.Amount,
                Updated = run.At,
            };
            if (balance.Version is null) batch.AddGuarded(entity);
            else
            {
                entity.ETag = new ETag(balance.Version);
                batch.Replace(entity);
            }
        }
        foreach (var settled in run.Events) batch.AddEvent(settled);
        var versions = await batch.SubmitAsync(cancellationToken);
        return run.Balances.Select((balance, i) => balance with { Version = versions[balanceRows[i]] }).ToList();
    }

    public Task<IReadOnlyList<string>> ScopesWithDueJobsAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken) =>
        table.ScopesWithAsync(SettlementJobEntity.Kind, TableClient.CreateQueryFilter($"DueAt le {dueBefore}"), cancellationToken);

    public static string BalanceRowKey(BalanceKey key) => StateTable.RowKey(BalanceEntity.Kind, $"{key.Account}|{key.Currency.Code}");

    private static SettlementJobEntity JobRow(SettlementJob job, SettlementStage stage, DateTimeOffset dueAt)
    {
        var row = LedgerRows.ToJobEntity(job.Transaction, stage, dueAt);
        row.ETag = new ETag(job.Version);
        return row;
    }
}
