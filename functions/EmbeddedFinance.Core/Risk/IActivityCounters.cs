namespace EmbeddedFinance.Core.Risk;

/// <summary>Velocity counters in storage: one row per key, changed by point reads and ETag-guarded writes.</summary>
public interface IActivityCounters
{
    /// <summary>
    /// Adds one event of <paramref name="kind"/> at <paramref name="at"/> to the key's counts, exactly once however many
    /// callers add to the same key at the same time (no lost update), and returns the counts with it.
    /// </summary>
    Task<Activity> AddAsync(ActivityKey key, RiskEvent kind, DateTimeOffset at, CancellationToken cancellationToken);
}
