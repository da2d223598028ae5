namespace EmbeddedFinance.Core.Settlement;

public sealed class SettlementOptions
{
    public const string Section = "Settlement";

    /// <summary>How long captured funds stay pending before they become available (0 in the sandbox).</summary>
    public TimeSpan AvailableAfter { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many jobs are settled together in one table batch (fewer when their rows would pass the batch's 100).</summary>
    public int MaxJobsPerBatch { get; set; } = 20;

    /// <summary>Due jobs are read this many at a time and settled in as many batches as they need.</summary>
    public int MaxJobsPerRead { get; set; } = 200;
}
