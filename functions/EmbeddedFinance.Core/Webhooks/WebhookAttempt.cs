namespace EmbeddedFinance.Core.Webhooks;

/// <summary>What one attempt to deliver an event to an endpoint got. No response body is kept: it is the merchant's, not ours.</summary>
public sealed record WebhookAttempt(
    string EventId,
    string EndpointId,
    int Number,
    bool Manual,
    DateTimeOffset Started,
    int? StatusCode,
    long DurationMs,
    string? Error,
    DateTimeOffset? NextAttemptAt)
{
    public bool Succeeded => Error is null;

    /// <summary><c>succeeded</c>, <c>retrying</c> (another attempt is queued) or <c>failed</c> (none will follow).</summary>
    public string Status => Succeeded ? "succeeded" : NextAttemptAt is null ? "failed" : "retrying";
}

public sealed record WebhookAttemptView(
    string Object,
    string Endpoint,
    string Event,
    int Attempt,
    string Status,
    int? StatusCode,
    long DurationMs,
    string? Error,
    long? NextAttemptAt,
    bool Manual,
    long Created)
{
    public static WebhookAttemptView From(WebhookAttempt attempt) => new(
        "webhook_attempt", attempt.EndpointId, attempt.EventId, attempt.Number, attempt.Status,
        attempt.StatusCode, attempt.DurationMs, attempt.Error, attempt.NextAttemptAt?.ToUnixTimeSeconds(), attempt.Manual,
        attempt.Started.ToUnixTimeSeconds());
}
