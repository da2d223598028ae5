using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Ledger;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Settlement;

namespace EmbeddedFinance.Azure.Settlement;

/// <summary>
/// Settlement jobs and runs in the state table. Every job is marked in the work calendar at the time it falls due
/// (at once for an apply, the release time for a deferred release), so the sweep finds due jobs without a scan.
/// </summary>
public sealed class TableSettlementStore(StateTable table, StateBatches batches, WorkCalendar calendar, TableNegativeBalances negative) : ISettlementStore
{
    public async Task<IReadOnlyList<SettlementJob>> ReadDueAsync(string scope, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var jobs = new List<SettlementJob>();
        await foreach (var entity in table.KindInScope<SettlementJobEntity>(scope, SettlementJobEntity.Kind, TableClient.CreateQueryFilter($"DueAt le {now}"), max, cancellationToken))
        {
            jobs.Add(SettlementJobRows.ToJob(entity));
            if (jobs.Count == max) break;
        }
        return jobs;
    }

    public async Task<IReadOnlyList<SettlementJob>> ReadJobsAsync(string scope, IReadOnlyCollection<string> transactions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(transactions.Select(id =>
            table.Client.GetEntityIfExistsAsync<SettlementJobEntity>(scope, StateTable.RowKey(SettlementJobEntity.Kind, id), cancellationToken: cancellationToken)));
        return found.Where(row => row.HasValue && row.Value!.DueAt <= now).Select(row => SettlementJobRows.ToJob(row.Value!)).OrderBy(job => job.Transaction.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Balance>> CommitAsync(SettlementRun run, CancellationToken cancellationToken)
    {
        var batch = batches.For(run.Scope);
        var balanceRows = batch.AddApplied(run.Id, run.Applied, run.Finished.Count + run.Deferred.Count, run.Balances, run.At);
        foreach (var job in run.Finished) batch.Delete(JobRow(job, job.Stage, job.DueAt));
        foreach (var (job, releaseAt) in run.Deferred) batch.Replace(JobRow(job, SettlementStage.Release, releaseAt)).MarkWork(WorkPurpose.Settlement, releaseAt);
        foreach (var transaction in run.Created) batch.AddLedger(transaction);
        foreach (var settled in run.Events) batch.AddEvent(settled);
        await negative.AddCrossingsAsync(batch, run.Crossings, run.At, cancellationToken);
        var versions = await batch.SubmitAsync(cancellationToken);
        await negative.RemoveRecoveredAsync(run.Scope, run.Crossings, cancellationToken);
        return run.Balances.Select((balance, i) => balance with { Version = versions[balanceRows[i]] }).ToList();
    }

    public async Task<IReadOnlyList<string>> ScopesWithDueJobsAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var buckets = await calendar.DueAsync(WorkPurpose.Settlement, dueBefore, cancellationToken);
        var due = new List<string>();
        foreach (var scope in buckets.SelectMany(bucket => bucket.Scopes).Distinct(StringComparer.Ordinal))
        {
            // A range read of the scope's jobs: bounded by its pending work, not by its history.
            if ((await ReadDueAsync(scope, dueBefore, 1, cancellationToken)).Count == 0) continue;
            due.Add(scope);
            // Its request may fail too: the scope moves to the current bucket before its old mark goes.
            if (buckets.Any(bucket => bucket.Closed && bucket.Scopes.Contains(scope))) await calendar.MarkAsync(WorkPurpose.Settlement, scope, calendar.Now, cancellationToken);
        }
        await calendar.DoneAsync(WorkPurpose.Settlement, buckets, cancellationToken);
        return due;
    }

    public int RowsToWrite(IEnumerable<LedgerTransaction> created, int events) =>
        created.Sum(LedgerRows.RowsOf) + events * EventRows.RowsPerEvent;

    private static SettlementJobEntity JobRow(SettlementJob job, SettlementStage stage, DateTimeOffset dueAt)
    {
        var row = SettlementJobRows.ToJobEntity(job.Transaction, stage, dueAt);
        row.ETag = new ETag(job.Version);
        return row;
    }
}
