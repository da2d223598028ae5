namespace EmbeddedFinance.Core.Health;

/// <summary>Whether each storage service answered; the errors are operator-facing and hold no secrets.</summary>
public sealed record StorageHealthReport(ServiceHealth Tables, ServiceHealth Queues)
{
    public bool Healthy => Tables.Reachable && Queues.Reachable;
}

public sealed record ServiceHealth(bool Reachable, long LatencyMs, string? Error);
