using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Settlement;

/// <summary>
/// Settles a merchant scope's due jobs, many per batch: postings are summed per balance first, so the one fee
/// account every payment touches costs one write per batch, not one contended write per payment. Runs of one
/// scope in this process take turns (they would only collide on the same balances); runs on other instances
/// are kept apart by the ETags on jobs and balances. A job is applied exactly once however often it is asked for.
/// </summary>
public sealed class SettleScope(ISettlementStore store, IOptions<SettlementOptions> options, TimeProvider clock, ILogger<SettleScope> logger)
{
    private const int MaxBatchRows = 100;
    private const int MaxConflicts = 8;
    private readonly StripedLocks turns = new(64);

    /// <summary>Settles until nothing is due; returns how many jobs were applied or released.</summary>
    public async Task<int> RunAsync(string scope, CancellationToken cancellationToken)
    {
        using var turn = await turns.EnterAsync(scope, cancellationToken);
        var settled = 0;
        var conflicts = 0;
        while (true)
        {
            var due = await store.ReadDueAsync(scope, clock.GetUtcNow(), options.Value.MaxJobsPerBatch, cancellationToken);
            if (due.Count == 0) return settled;
            var run = await PlanAsync(scope, due, cancellationToken);
            try
            {
                await store.CommitAsync(run, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (++conflicts < MaxConflicts)
            {
                // Another instance settled some of these jobs or moved a balance first: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * conflicts), cancellationToken);
                continue;
            }
            settled += run.Finished.Count + run.Deferred.Count;
            logger.LogInformation("Settlement {RunId} in {Scope}: {Jobs} jobs, {Balances} balance writes, {Events} settled events",
                run.Id, scope, run.Finished.Count + run.Deferred.Count, run.Balances.Count, run.Events.Count);
            if (due.Count < options.Value.MaxJobsPerBatch) return settled;
        }
    }

    private async Task<SettlementRun> PlanAsync(string scope, IReadOnlyList<SettlementJob> due, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delay = options.Value.AvailableAfter;
        var finished = new List<SettlementJob>();
        var deferred = new List<(SettlementJob, DateTimeOffset)>();
        var applied = new List<LedgerTransaction>();
        var created = new List<LedgerTransaction>();
        var events = new List<PlatformEvent>();

        foreach (var job in due)
        {
            var jobApplied = new List<LedgerTransaction>();
            var jobCreated = new List<LedgerTransaction>();
            PlatformEvent? settledEvent = null;
            if (job.Stage == SettlementStage.Apply) jobApplied.Add(job.Transaction);
            var releasing = job.Stage == SettlementStage.Release || delay <= TimeSpan.Zero;
            if (releasing)
            {
                var release = Release(job.Transaction);
                if (release is not null)
                {
                    jobCreated.Add(release);
                    jobApplied.Add(release);
                }
                settledEvent = SettledEvent(job, release);
            }

            var rowsIfAdded = 1 + finished.Count + deferred.Count + 1 + created.Count + jobCreated.Count
                + 2 * (events.Count + (settledEvent is null ? 0 : 1)) + DistinctBalances(applied.Concat(jobApplied));
            if (rowsIfAdded > MaxBatchRows && finished.Count + deferred.Count > 0) break;

            applied.AddRange(jobApplied);
            created.AddRange(jobCreated);
            if (settledEvent is not null) events.Add(settledEvent);
            if (releasing) finished.Add(job);
            else deferred.Add((job, now + delay));
        }

        var deltas = applied
            .SelectMany(transaction => transaction.Postings.Select(posting => (Key: new BalanceKey(posting.Account, transaction.Currency), posting.Amount)))
            .GroupBy(line => line.Key)
            .Select(group => (group.Key, Delta: group.Sum(line => line.Amount)))
            .Where(change => change.Delta != 0)
            .ToList();
        var current = (await store.ReadBalancesAsync(scope, deltas.Select(change => change.Key), cancellationToken)).ToDictionary(balance => balance.Key);
        var balances = deltas.Select(change => current[change.Key] with { Amount = current[change.Key].Amount + change.Delta }).ToList();
        return new SettlementRun(PrefixedId.New("stl", clock), scope, finished, deferred, applied, created, balances, events, now);
    }

    private static int DistinctBalances(IEnumerable<LedgerTransaction> applied) =>
        applied.SelectMany(transaction => transaction.Postings.Select(posting => (posting.Account, transaction.Currency.Code))).Distinct().Count();

    private LedgerTransaction? Release(LedgerTransaction applied)
    {
        var postings = ReleasePostings.For(applied.Postings);
        return postings.Count == 0
            ? null
            : LedgerTransaction.Create(applied.Scope, applied.Currency, LedgerTypes.Release, applied.Id, postings, clock);
    }

    /// <summary>Captured funds becoming available is news to the merchant; a refund's release is not an event of its own.</summary>
    private PlatformEvent? SettledEvent(SettlementJob job, LedgerTransaction? release)
    {
        if (job.Transaction.Type != LedgerTypes.Capture) return null;
        var amount = -job.Transaction.Postings.Where(posting => posting.Account == LedgerAccounts.Clearing).Sum(posting => posting.Amount);
        var settled = new Settled("settlement", job.Transaction.Reference, release?.Id ?? job.Transaction.Id, job.Transaction.Currency.Code, amount, clock.GetUtcNow().ToUnixTimeSeconds());
        return PlatformEvent.Of(EventTypes.PaymentSettled, job.Transaction.Scope, MerchantScope.ModeOf(job.Transaction.Scope), settled, clock);
    }
}
