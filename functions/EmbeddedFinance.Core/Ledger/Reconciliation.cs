using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Ledger;

public sealed record BalanceDrift(string Scope, string Account, string Currency, long Expected, long Actual);

public sealed record ReconciliationReport(string Object, DateTimeOffset At, int Scopes, int Transactions, IReadOnlyList<string> Unbalanced, IReadOnlyList<BalanceDrift> Drift)
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
/// Recomputes every balance from the transactions settlement applied, checks that every transaction balances,
/// and reports the difference. A scope that shows drift is read again before it is reported: a settlement
/// committing between the reads of markers and balances looks like drift once, never twice the same way.
/// </summary>
public sealed class Reconciliation(ILedgerReader ledger, IReconciliationLog log, TimeProvider clock, ILogger<Reconciliation> logger)
{
    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var scopes = await ledger.ScopesAsync(cancellationToken);
        var unbalanced = new List<string>();
        var drift = new List<BalanceDrift>();
        var transactions = 0;
        foreach (var scope in scopes)
        {
            var (count, scopeUnbalanced, scopeDrift) = await CheckAsync(scope, cancellationToken);
            if (scopeDrift.Count > 0)
            {
                var again = await CheckAsync(scope, cancellationToken);
                scopeDrift = scopeDrift.Intersect(again.Drift).ToList();
            }
            transactions += count;
            unbalanced.AddRange(scopeUnbalanced);
            drift.AddRange(scopeDrift);
        }
        var report = new ReconciliationReport("reconciliation", clock.GetUtcNow(), scopes.Count, transactions, unbalanced, drift);
        foreach (var id in unbalanced) logger.LogError("RECONCILIATION: ledger transaction {TransactionId} does not balance", id);
        foreach (var item in drift)
        {
            logger.LogError("RECONCILIATION DRIFT in {Scope}: {Account} {Currency} is {Actual}, its entries sum to {Expected}",
                item.Scope, item.Account, item.Currency, item.Actual, item.Expected);
        }
        logger.LogInformation("Reconciliation of {Scopes} scopes, {Transactions} transactions: {Problems} problems", scopes.Count, transactions, report.Problems);
        await log.SaveAsync(report, cancellationToken);
        return report;
    }

    private async Task<(int Count, List<string> Unbalanced, List<BalanceDrift> Drift)> CheckAsync(string scope, CancellationToken cancellationToken)
    {
        var (journal, applied) = await ledger.JournalAsync(scope, cancellationToken);
        var balances = await ledger.BalancesAsync(scope, null, cancellationToken);
        var unbalanced = journal.Where(transaction => transaction.Postings.Sum(posting => posting.Amount) != 0).Select(transaction => transaction.Id).ToList();
        // What the applied transactions do to the balances, by the same rule settlement applies them with.
        var expected = BalanceChanges.Of(journal.Where(transaction => applied.Contains(transaction.Id))).ToDictionary(change => change.Key, change => change.Delta);
        var actual = balances.ToDictionary(balance => balance.Key, balance => balance.Amount);
        var drift = expected.Keys.Union(actual.Keys)
            .Select(key => new BalanceDrift(scope, key.Account, key.Currency.Code, expected.GetValueOrDefault(key), actual.GetValueOrDefault(key)))
            .Where(item => item.Expected != item.Actual)
            .ToList();
        return (journal.Count, unbalanced, drift);
    }
}
