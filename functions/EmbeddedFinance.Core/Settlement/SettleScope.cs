using System.Collections.Concurrent;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Settlement;

/// <summary>
/// Settles a merchant scope's due jobs, many per batch: postings are summed per balance first, so the one fee
/// account every payment touches costs one write per batch, not one contended write per payment. Requests for a
/// scope already being settled in this process join that run instead of queueing behind it (so a burst of
/// requests drains from the queue while one run settles); runs on other instances are kept apart by the ETags on
/// jobs and balances. A job is applied exactly once however often it is asked for.
/// </summary>
public sealed class SettleScope(ISettlementStore store, ILedgerReader ledgerReader, IOptions<SettlementOptions> options, TimeProvider clock, ILogger<SettleScope> logger)
{
    private const int MaxBatchRows = 100;
    private const int MaxConflicts = 8;
    private readonly CoalescedRuns runs = new();

    // The balances this process last wrote, with their versions, so a run does not read back what it just wrote.
    // Safe because every balance write is ETag-guarded: a stale entry costs one conflict, after which it is dropped.
    // Only the (one) run of a scope in progress touches that scope's entry.
    private readonly ConcurrentDictionary<string, Dictionary<BalanceKey, Balance>> written = new(StringComparer.Ordinal);

    // Transactions named by requests that joined a run, for its next pass; "read all" when a request named none (the sweep's).
    private readonly ConcurrentDictionary<string, NamedJobs> named = new(StringComparer.Ordinal);

    /// <summary>
    /// Settles until nothing is due, or joins the run of this scope in progress (which then looks again once it is
    /// done); returns how many jobs this call applied or released.
    /// </summary>
    public Task<int> RunAsync(string scope, CancellationToken cancellationToken) => RunAsync(scope, [], cancellationToken);

    /// <summary>
    /// Settles the named transactions' jobs, read by key (no query: the relay names what it committed), or, when none
    /// are named, whatever is due; joins the run of this scope in progress, which takes the names on its next pass.
    /// </summary>
    public Task<int> RunAsync(string scope, IReadOnlyList<string> transactions, CancellationToken cancellationToken)
    {
        named.GetOrAdd(scope, _ => new NamedJobs()).Add(transactions);
        return runs.RunAsync(scope, () => PassAsync(scope, cancellationToken));
    }

    private async Task<int> PassAsync(string scope, CancellationToken cancellationToken)
    {
        var pending = named.GetOrAdd(scope, _ => new NamedJobs());
        var (transactions, readAll) = pending.Take();
        try
        {
            if (readAll) return await DrainAsync(scope, cancellationToken);
            if (transactions.Count == 0) return 0;
            var jobs = await store.ReadJobsAsync(scope, transactions, clock.GetUtcNow(), cancellationToken);
            var (settled, complete) = await SettleAsync(scope, jobs, cancellationToken);
            // A conflict means another run moved these jobs or their balances: settle whatever is still due, by reading.
            return complete ? settled : settled + await DrainAsync(scope, cancellationToken);
        }
        catch
        {
            // Requests that joined this pass have already returned: keep what they named for the next run (the sweep
            // finds the jobs too, but later). Settled ones are simply gone when read again.
            pending.Add(readAll ? [] : transactions.ToList());
            throw;
        }
    }

    private async Task<int> DrainAsync(string scope, CancellationToken cancellationToken)
    {
        var settled = 0;
        for (var reads = 0; reads < MaxConflicts; reads++)
        {
            // One read for several batches: a query costs more than a batch on some stores (Azurite scans), and the
            // jobs read stay valid until a commit says otherwise (their ETags guard every delete).
            var due = await store.ReadDueAsync(scope, clock.GetUtcNow(), options.Value.MaxJobsPerRead, cancellationToken);
            if (due.Count == 0) return settled;
            var (count, complete) = await SettleAsync(scope, due, cancellationToken);
            settled += count;
            // A short read that was settled whole means nothing else was due when it was read.
            if (complete && due.Count < options.Value.MaxJobsPerRead) return settled;
            if (complete) reads--;
        }
        throw new ConcurrencyConflictException($"Settlement of {scope} kept conflicting with another run; the request will come back.");
    }

    /// <summary>Settles the jobs in batches; stops at a conflict (complete false) after a short pause, having dropped what it knew of the balances.</summary>
    private async Task<(int Settled, bool Complete)> SettleAsync(string scope, IReadOnlyList<SettlementJob> due, CancellationToken cancellationToken)
    {
        var known = written.GetOrAdd(scope, _ => []);
        var settled = 0;
        while (settled < due.Count)
        {
            var started = clock.GetTimestamp();
            var run = await PlanAsync(scope, due.Skip(settled).Take(options.Value.MaxJobsPerBatch).ToList(), known, cancellationToken);
            var planned = clock.GetTimestamp();
            try
            {
                foreach (var balance in await store.CommitAsync(run, cancellationToken))
                {
                    if (string.IsNullOrEmpty(balance.Version)) known.Remove(balance.Key);
                    else known[balance.Key] = balance;
                }
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance settled some of these jobs or moved a balance first: the caller reads again.
                known.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
                return (settled, false);
            }
            catch
            {
                known.Clear();
                throw;
            }
            var committedAt = clock.GetUtcNow();
            foreach (var job in run.Finished) PlatformTelemetry.SettlementLag.Record(Math.Max(0, (committedAt - job.DueAt).TotalSeconds), PlatformTelemetry.Tags(("stage", job.Stage.ToString()), ("scope", scope)));
            var jobs = run.Finished.Count + run.Deferred.Count;
            settled += jobs;
            logger.LogInformation("Settlement {RunId} in {Scope}: {Jobs} jobs, {Balances} balance writes, {Events} settled events; plan {PlanMs:0} ms, commit {CommitMs:0} ms",
                run.Id, scope, jobs, run.Balances.Count, run.Events.Count, clock.GetElapsedTime(started, planned).TotalMilliseconds, clock.GetElapsedTime(planned).TotalMilliseconds);
        }
        return (settled, true);
    }

    private async Task<SettlementRun> PlanAsync(string scope, IReadOnlyList<SettlementJob> due, Dictionary<BalanceKey, Balance> known, CancellationToken cancellationToken)
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

            // Each available balance the run takes money from may cross below zero: an event and its marker, counted as two events.
            var rowsIfAdded = 1 + finished.Count + deferred.Count + 1
                + store.RowsToWrite(created.Concat(jobCreated), events.Count + (settledEvent is null ? 0 : 1) + 2 * NegativeBalances.MayCross(applied.Concat(jobApplied)))
                + DistinctBalances(applied.Concat(jobApplied));
            if (rowsIfAdded > MaxBatchRows && finished.Count + deferred.Count > 0) break;

            applied.AddRange(jobApplied);
            created.AddRange(jobCreated);
            if (settledEvent is not null) events.Add(settledEvent);
            if (releasing) finished.Add(job);
            else deferred.Add((job, now + delay));
        }

        var deltas = BalanceChanges.Of(applied);
        var unknown = deltas.Select(change => change.Key).Where(key => !known.ContainsKey(key)).ToList();
        var current = unknown.Count == 0 ? [] : new Dictionary<BalanceKey, Balance>(await ledgerReader.BalancesOfAsync(scope, unknown, cancellationToken));
        foreach (var key in deltas.Select(change => change.Key).Except(unknown)) current[key] = known[key];
        var balances = BalanceChanges.Apply(deltas, current);
        var crossings = NegativeBalances.Crossings(current, balances);
        events.AddRange(crossings.Where(crossing => crossing.Negative).Select(crossing =>
            PlatformEvent.Of(EventTypes.AccountBalanceNegative, scope, MerchantScope.ModeOf(scope), NegativeBalanceView.From(crossing, now), clock)));
        return new SettlementRun(PrefixedId.New("stl", clock), scope, finished, deferred, applied, created, balances, events, now) { Crossings = crossings };
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

    /// <summary>The transactions named for a scope's next pass, and whether a request asked to read everything due.</summary>
    private sealed class NamedJobs
    {
        private readonly Lock gate = new();
        private HashSet<string> transactions = new(StringComparer.Ordinal);
        private bool readAll;

        public void Add(IReadOnlyList<string> named)
        {
            lock (gate)
            {
                if (named.Count == 0) readAll = true;
                else transactions.UnionWith(named);
            }
        }

        public (IReadOnlyCollection<string> Transactions, bool ReadAll) Take()
        {
            lock (gate)
            {
                var taken = (transactions, readAll);
                transactions = new HashSet<string>(StringComparer.Ordinal);
                readAll = false;
                return taken;
            }
        }
    }
}
