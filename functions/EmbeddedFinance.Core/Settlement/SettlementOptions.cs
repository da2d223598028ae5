namespace EmbeddedFinance.Core.Settlement;

public sealed class SettlementOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Settlement";

    /// <summary>How long captured funds stay pending before they become available (0 in the sandbox).</summary>
    public TimeSpan AvailableAfter { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many jobs are settled together in one table batch (fewer when their rows would pass the batch's 100).</summary>
    public int MaxJobsPerBatch { get; set; } = 20;

    /// <summary>Due jobs are read this many at a time and settled in as many batches as they need.</summary>
    public int MaxJobsPerRead { get; set; } = 200;

    public string? Problem() =>
        AvailableAfter < TimeSpan.Zero || AvailableAfter > TimeSpan.FromDays(30) ? $"{Section}:{nameof(AvailableAfter)} must be between 00:00:00 and 30 days."
        : MaxJobsPerBatch is < 1 or > 50 ? $"{Section}:{nameof(MaxJobsPerBatch)} must be between 1 and 50 (a batch holds at most 100 rows)."
        : MaxJobsPerRead < MaxJobsPerBatch || MaxJobsPerRead > 1_000 ? $"{Section}:{nameof(MaxJobsPerRead)} must be at least {nameof(MaxJobsPerBatch)} and at most 1000."
        : null;
}
