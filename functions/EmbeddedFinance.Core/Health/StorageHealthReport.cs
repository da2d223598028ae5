namespace EmbeddedFinance.Core.Health;

/// <summary>Whether each storage service answered; the errors are operator-facing and hold no secrets.</summary>
public sealed record StorageHealthReport(ServiceHealth Tables, ServiceHealth Queues)
{
    public bool Healthy => Tables.Reachable && Queues.Reachable;

    /// <summary>Messages in each poison queue: work that failed every retry and waits for an operator.</summary>
    public IReadOnlyDictionary<string, int> PoisonMessages { get; init; } = new Dictionary<string, int>();
}

public sealed record ServiceHealth(bool Reachable, long LatencyMs, string? Error);
