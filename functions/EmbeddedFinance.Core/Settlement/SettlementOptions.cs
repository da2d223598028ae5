namespace EmbeddedFinance.Core.Settlement;

public sealed class SettlementOptions
{
    public const string Section = "Settlement";

    /// <summary>How long captured funds stay pending before they become available (0 in the sandbox).</summary>
    public TimeSpan AvailableAfter { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many jobs are settled together in one table batch (each costs up to six rows).</summary>
    public int MaxJobsPerBatch { get; set; } = 12;
}
