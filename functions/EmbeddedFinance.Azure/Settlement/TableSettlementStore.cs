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
        var (from, to) = StateTable.RowKeyRange(SettlementJobEntity.Kind);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {from} and RowKey lt {to} and DueAt le {now}");
        var jobs = new List<SettlementJob>();
        await foreach (var entity in table.Client.QueryAsync<SettlementJobEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
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

    public async Task CommitAsync(SettlementRun run, CancellationToken cancellationToken)
    {
        var batch = batches.For(run.Scope).AddGuarded(new SettlementMarkerEntity
        {
            PartitionKey = run.Scope,
            RowKey = StateTable.RowKey(SettlementMarkerEntity.Kind, run.Id),
            AppliedJson = JsonSerializer.Serialize(run.Applied.Select(transaction => transaction.Id)),
            Jobs = run.Finished.Count + run.Deferred.Count,
            At = run.At,
        });
        foreach (var job in run.Finished) batch.Delete(JobRow(run.Scope, job));
        foreach (var (job, releaseAt) in run.Deferred)
        {
            var entity = JobRow(run.Scope, job);
            entity.Stage = SettlementStage.Release.ToString();
            entity.DueAt = releaseAt;
            entity.Currency = job.Transaction.Currency.Code;
            entity.Type = job.Transaction.Type;
            entity.Reference = job.Transaction.Reference;
            entity.PostingsJson = JsonSerializer.Serialize(job.Transaction.Postings);
            entity.Created = job.Transaction.Created;
            batch.Replace(entity);
        }
        foreach (var transaction in run.Created) batch.AddLedger(transaction);
        foreach (var balance in run.Balances)
        {
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
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ScopesWithDueJobsAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var (from, to) = StateTable.RowKeyRange(SettlementJobEntity.Kind);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to} and DueAt le {dueBefore}");
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.Client.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            scopes.Add(row.PartitionKey);
        }
        return scopes.ToList();
    }

    public static string BalanceRowKey(BalanceKey key) => StateTable.RowKey(BalanceEntity.Kind, $"{key.Account}|{key.Currency.Code}");

    private static SettlementJobEntity JobRow(string scope, SettlementJob job) => new()
    {
        PartitionKey = scope,
        RowKey = StateTable.RowKey(SettlementJobEntity.Kind, job.Transaction.Id),
        ETag = new ETag(job.Version),
    };
}
