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

    public async Task<IReadOnlyList<Balance>> CommitAsync(SettlementRun run, CancellationToken cancellationToken)
    {
        var batch = batches.For(run.Scope);
        var balanceRows = batch.AddApplied(run.Id, run.Applied, run.Finished.Count + run.Deferred.Count, run.Balances, run.At);
        foreach (var job in run.Finished) batch.Delete(JobRow(job, job.Stage, job.DueAt));
        foreach (var (job, releaseAt) in run.Deferred) batch.Replace(JobRow(job, SettlementStage.Release, releaseAt));
        foreach (var transaction in run.Created) batch.AddLedger(transaction);
        foreach (var settled in run.Events) batch.AddEvent(settled);
        var versions = await batch.SubmitAsync(cancellationToken);
        return run.Balances.Select((balance, i) => balance with { Version = versions[balanceRows[i]] }).ToList();
    }

    public Task<IReadOnlyList<string>> ScopesWithDueJobsAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken) =>
        table.ScopesWithAsync(SettlementJobEntity.Kind, TableClient.CreateQueryFilter($"DueAt le {dueBefore}"), cancellationToken);

    private static SettlementJobEntity JobRow(SettlementJob job, SettlementStage stage, DateTimeOffset dueAt)
    {
        var row = LedgerRows.ToJobEntity(job.Transaction, stage, dueAt);
        row.ETag = new ETag(job.Version);
        return row;
    }
}
