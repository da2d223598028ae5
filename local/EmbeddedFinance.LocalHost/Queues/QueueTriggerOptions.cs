namespace EmbeddedFinance.LocalHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's defaults.</summary>
public sealed class QueueTriggerOptions
{
    public int BatchSize { get; set; } = 16;
    public int? NewBatchThreshold { get; set; }
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    public int MaxDequeueCount { get; set; } = 5;
    public string MessageEncoding { get; set; } = "base64";

    /// <summary>How long a received message stays hidden while its function runs (the host's message lease).</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    public bool IsBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);

    public void Validate()
    {
        if (BatchSize is < 1 or > 32) throw new InvalidOperationException("host.json extensions.queues.batchSize must be 1 to 32.");
        if (MaxDequeueCount < 1) throw new InvalidOperationException("host.json extensions.queues.maxDequeueCount must be at least 1.");
        if (MaxPollingInterval < PollingBackoff.Minimum) throw new InvalidOperationException("host.json extensions.queues.maxPollingInterval must be at least 100 ms.");
        if (!IsBase64 && !string.Equals(MessageEncoding, "none", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("host.json extensions.queues.messageEncoding must be 'base64' or 'none'.");
        }
    }
}
