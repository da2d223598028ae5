using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a completed key replays its response (API.md: 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Idempotency:Retention must be between 00:01:00 and 30 days.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an in-flight record blocks its key. A process that dies mid-request leaves one behind; after
    /// this, a retry takes it over. Longer than any request may run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Idempotency:InFlightTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a duplicate waits for the first request with its key to finish, so that it can get the same
    /// response instead of a 409; after this it answers 409 <c>idempotency_request_in_flight</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ErrorMessage = "Idempotency:InFlightWait must be between 00:00:00 and 00:00:30.")]
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(3);
}
