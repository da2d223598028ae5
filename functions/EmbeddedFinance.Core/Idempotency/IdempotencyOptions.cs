using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a completed key replays its response (API.md: 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an in-flight record blocks its key. A process that dies mid-request leaves one behind; after
    /// this, a retry takes it over. Longer than any request may run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
