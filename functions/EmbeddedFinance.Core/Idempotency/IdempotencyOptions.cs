namespace EmbeddedFinance.Core.Idempotency;

public sealed class IdempotencyOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a completed key replays its response (API.md: 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an in-flight record blocks its key. A process that dies mid-request leaves one behind; after
    /// this, a retry takes it over. Longer than any request may run.
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a duplicate waits for the first request with its key to finish, so that it can get the same
    /// response instead of a 409; after this it answers 409 <c>idempotency_request_in_flight</c>.
    /// </summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(3);

    public string? Problem() =>
        Retention < TimeSpan.FromMinutes(1) || Retention > TimeSpan.FromDays(30) ? $"{Section}:{nameof(Retention)} must be between 00:01:00 and 30 days."
        : InFlightTimeout < TimeSpan.FromSeconds(1) || InFlightTimeout > TimeSpan.FromHours(1) ? $"{Section}:{nameof(InFlightTimeout)} must be between 00:00:01 and 01:00:00."
        : InFlightWait < TimeSpan.Zero || InFlightWait > TimeSpan.FromSeconds(30) ? $"{Section}:{nameof(InFlightWait)} must be between 00:00:00 and 00:00:30."
        : null;
}
