using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Ledger;

public sealed record BalanceDrift(string Scope, string Account, string Currency, long Expected, long Actual);

public sealed record ReconciliationReport(
    [AllowedValues("reconciliation")]
    string Object,
    DateTimeOffset At,
    int Scopes,
    int Transactions,
    IReadOnlyList<string> Unbalanced,
    IReadOnlyList<BalanceDrift> Drift,
    [property: System.ComponentModel.Description("Available balances below zero for longer than `Reconciliation:NegativeBalanceAlertAfter`, oldest first: money owed by an account that later earnings have not covered. Not drift: the ledger is consistent.")]
    IReadOnlyList<NegativeBalance>? NegativeBalances = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Problems => Unbalanced.Count + Drift.Count;
}

public interface IReconciliationLog
{
    Task SaveAsync(ReconciliationReport report, CancellationToken cancellationToken);
    Task<ReconciliationReport?> LatestAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Recomputes every balance from the transactions settlement applied, checks that every transaction balances, and
/// reports the difference; incrementally (docs/decisions/010-work-calendar.md): each scope keeps a checkpoint (the
/// last settlement run taken) and running sums per balance, so a run reads only the runs committed since, a page at
/// a time, and holds one scope's sums in memory, never its history. A scope that shows drift is read again before it
/// is reported: a settlement committing between the reads of runs and balances looks like drift once, never twice
/// the same way. A scope with problems is visited again by every run until they are gone. Balances that stay below
/// zero longer than <see cref="ReconciliationOptions.NegativeBalanceAlertAfter"/> are found through their index rows
/// (<see cref="INegativeBalanceIndex"/>), never by reading balances, and reported with a warning.
/// </summary>
public sealed class Reconciliation(
    IReconciliationJournal journal, ILedgerReader ledger, IReconciliationLog log, INegativeBalanceIndex negative, IOptions<ReconciliationOptions> options,
    TimeProvider clock, ILogger<Reconciliation> logger)
{
    /// <summary>Settlement runs read per page.</summary>
    public const int RunsPerPage = 50;

    /// <summary>The most unbalanced transaction ids a checkpoint keeps (they are reported by every run until fixed).</summary>
    private const int MaxUnbalancedKept = 100;

    /// <summary>Sums saved per batch with the checkpoint: one table batch holds 100 rows.</summary>
    private const int MaxChangedPerSave = 99;

    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var unbalanced = new List<string>();
        var drift = new List<BalanceDrift>();
        long transactions = 0;
        var scopes = await journal.ForEachDueScopeAsync(async scope =>
        {
            var first = await CheckAsync(scope, cancellationToken);
            var (count, scopeUnbalanced, scopeDrift) = first;
            if (scopeDrift.Count > 0)
            {
                var again = await CheckAsync(scope, cancellationToken);
                count += again.Count;
                scopeUnbalanced = again.Unbalanced;
                scopeDrift = scopeDrift.Intersect(again.Drift).ToList();
            }
            transactions += count;
            unbalanced.AddRange(scopeUnbalanced);
            drift.AddRange(scopeDrift);
            return scopeUnbalanced.Count + scopeDrift.Count > 0;
        }, cancellationToken);
        var longNegative = await negative.NegativeSinceBeforeAsync(clock.GetUtcNow() - options.Value.NegativeBalanceAlertAfter, options.Value.MaxNegativeBalancesReported, cancellationToken);
        var report = new ReconciliationReport("reconciliation", clock.GetUtcNow(), scopes, (int)transactions, unbalanced, drift, longNegative);
        PlatformTelemetry.ReconciliationProblems.Add(unbalanced.Count, PlatformTelemetry.Tags(("kind", "unbalanced")));
        PlatformTelemetry.ReconciliationProblems.Add(drift.Count, PlatformTelemetry.Tags(("kind", "drift")));
        foreach (var id in unbalanced) logger.LogError("RECONCILIATION: ledger transaction {TransactionId} does not balance", id);
        foreach (var item in drift)
        {
            logger.LogError("RECONCILIATION DRIFT in {Scope}: {Account} {Currency} is {Actual}, its entries sum to {Expected}",
                item.Scope, item.Account, item.Currency, item.Actual, item.Expected);
        }
        foreach (var item in longNegative)
        {
            logger.LogWarning("RECONCILIATION NEGATIVE BALANCE in {Scope}: {Account} {Currency} is {Amount}, below zero since {Since:o}",
                item.Scope, item.Account, item.Currency, item.Amount, item.Since);
        }
        logger.LogInformation("Reconciliation of {Scopes} scopes, {Transactions} new transactions: {Problems} problems", scopes, transactions, report.Problems);
        await log.SaveAsync(report, cancellationToken);
        return report;
    }

    /// <summary>Takes the scope's new settlement runs into its checkpoint, then compares the sums with the balances.</summary>
    private async Task<(long Count, IReadOnlyList<string> Unbalanced, List<BalanceDrift> Drift)> CheckAsync(string scope, CancellationToken cancellationToken)
    {
        var (checkpoint, sums) = await journal.CheckpointAsync(scope, cancellationToken);
        long count = 0;
        try
        {
            while (true)
            {
                var runs = await journal.RunsAfterAsync(scope, checkpoint.After, RunsPerPage, cancellationToken);
                var changed = new Dictionary<BalanceKey, long>();
                var unbalanced = checkpoint.Unbalanced.ToList();
                foreach (var run in runs)
                {
                    var applied = await journal.TransactionsAsync(scope, run.Applied, cancellationToken);
                    unbalanced.AddRange(applied.Where(transaction => transaction.Postings.Sum(posting => posting.Amount) != 0).Select(transaction => transaction.Id).Take(MaxUnbalancedKept - unbalanced.Count));
                    // What the applied transactions do to the balances, by the same rule settlement applies them with.
                    var changes = BalanceChanges.Of(applied);
                    if (changed.Keys.Union(changes.Select(change => change.Key)).Count() > MaxChangedPerSave)
                    {
                        checkpoint = checkpoint with { Version = await journal.SaveAsync(scope, checkpoint, changed, cancellationToken) };
                        changed.Clear();
                    }
                    foreach (var (key, delta) in changes) changed[key] = sums[key] = sums.GetValueOrDefault(key) + delta;
                    checkpoint = checkpoint with { After = run.Id, Transactions = checkpoint.Transactions + applied.Count, Unbalanced = unbalanced.ToList() };
                    count += applied.Count;
                }
                if (runs.Count > 0) checkpoint = checkpoint with { Version = await journal.SaveAsync(scope, checkpoint, changed, cancellationToken) };
                if (runs.Count < RunsPerPage) break;
            }
        }
        catch (Common.ConcurrencyConflictException)
        {
            // Another reconciliation is taking this scope's runs right now: it reports them; look again next time.
            logger.LogWarning("Reconciliation of {Scope} met a concurrent run; it is taken again next time", scope);
            return (count, [], []);
        }
        var actual = (await ledger.BalancesAsync(scope, null, cancellationToken)).ToDictionary(balance => balance.Key, balance => balance.Amount);
        var drift = sums.Keys.Union(actual.Keys)
            .Select(key => new BalanceDrift(scope, key.Account, key.Currency.Code, sums.GetValueOrDefault(key), actual.GetValueOrDefault(key)))
            .Where(item => item.Expected != item.Actual)
            .ToList();
        return (count, checkpoint.Unbalanced, drift);
    }
}
