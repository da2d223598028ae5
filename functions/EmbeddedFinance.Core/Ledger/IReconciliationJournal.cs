namespace EmbeddedFinance.Core.Ledger;

/// <summary>How far reconciliation has taken a scope: the last settlement run it took, and what it found so far.</summary>
public sealed record ReconciliationCheckpoint(string? After, long Transactions, IReadOnlyList<string> Unbalanced, string? Version)
{
    public static ReconciliationCheckpoint Start { get; } = new(null, 0, [], null);
}

/// <summary>One settlement run's marker: the ledger transactions it applied to the balances.</summary>
public sealed record AppliedRun(string Id, IReadOnlyList<string> Applied);

/// <summary>What incremental reconciliation reads and keeps: new settlement runs after a checkpoint, and running sums per balance.</summary>
public interface IReconciliationJournal
{
    /// <summary>
    /// Calls <paramref name="reconcile"/> for each scope with settlement runs since it was last visited; a scope for which
    /// it answers true (still showing a problem) is visited again next time. Returns how many scopes it visited.
    /// </summary>
    Task<int> ForEachDueScopeAsync(Func<string, Task<bool>> reconcile, CancellationToken cancellationToken);

    /// <summary>The scope's checkpoint and the sums of every balance as the runs it took applied them.</summary>
    Task<(ReconciliationCheckpoint Checkpoint, Dictionary<BalanceKey, long> Sums)> CheckpointAsync(string scope, CancellationToken cancellationToken);

    /// <summary>The scope's settlement runs after <paramref name="after"/> (all when null), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AppliedRun>> RunsAfterAsync(string scope, string? after, int max, CancellationToken cancellationToken);

    /// <summary>The scope's ledger transactions with these ids (point reads).</summary>
    Task<IReadOnlyList<LedgerTransaction>> TransactionsAsync(string scope, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Stores the checkpoint and the changed sums in one batch, guarded by the checkpoint's version; returns the new version.</summary>
    /// <exception cref="Common.ConcurrencyConflictException">Another reconciliation moved the checkpoint first.</exception>
    Task<string> SaveAsync(string scope, ReconciliationCheckpoint checkpoint, IReadOnlyDictionary<BalanceKey, long> changed, CancellationToken cancellationToken);
}
