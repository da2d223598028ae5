using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Settlement;

public interface ISettlementStore
{
    /// <summary>Jobs of the scope due at <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SettlementJob>> ReadDueAsync(string scope, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The jobs of these ledger transactions that are due at <paramref name="now"/>, read by key; settled ones are gone.</summary>
    Task<IReadOnlyList<SettlementJob>> ReadJobsAsync(string scope, IReadOnlyCollection<string> transactions, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Commits a settlement run in one batch; returns its balances with their new versions.</summary>
    /// <exception cref="Common.ConcurrencyConflictException">A job or balance changed since it was read: nothing was written.</exception>
    Task<IReadOnlyList<Balance>> CommitAsync(SettlementRun run, CancellationToken cancellationToken);

    /// <summary>How many rows a run's batch writes for the transactions it creates and the events it raises (each may carry index rows).</summary>
    int RowsToWrite(IEnumerable<LedgerTransaction> created, int events);

    /// <summary>Scopes with jobs due before <paramref name="dueBefore"/> (for the sweep).</summary>
    Task<IReadOnlyList<string>> ScopesWithDueJobsAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);
}
