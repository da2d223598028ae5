using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

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

[Description("One attempt to deliver an event to an endpoint. Members that are null are omitted. The response body is never read or kept.")]
[Example("""
{
  "object": "webhook_attempt",
  "endpoint": "we_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "event": "evt_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "attempt": 1,
  "status": "retrying",
  "status_code": 503,
  "duration_ms": 212,
  "error": "unexpected_status",
  "next_attempt_at": 1717171724,
  "manual": false,
  "created": 1717171719
}
""")]
public sealed record WebhookAttemptView(
    [Description("The object's type: always `webhook_attempt`."), AllowedValues("webhook_attempt")]
    string Object,
    [Description("The endpoint the event was sent to."), RegularExpression("^we_")]
    string Endpoint,
    [Description("The event that was sent."), RegularExpression("^evt_")]
    string Event,
    [Description("The attempt's number, from 1. Scheduled attempts (the first and its retries) and manual ones (`POST /v1/events/{id}/redeliver`) are numbered separately."), Range(1, double.PositiveInfinity)]
    int Attempt,
    [Description("`succeeded`: a 2xx within 15 seconds. `retrying`: failed, another attempt follows at `next_attempt_at`. `failed`: failed, and it was the last scheduled attempt or a manual one (manual attempts are not retried)."), AllowedValues("succeeded", "retrying", "failed")]
    string Status,
    [Description("The HTTP status the endpoint answered; absent when there was no answer (timeout, connection failure).")]
    int? StatusCode,
    [Description("How long the attempt took, connection included, in milliseconds."), Range(0, double.PositiveInfinity)]
    long DurationMs,
    [Description("Why the attempt failed; absent when it succeeded. `timeout`: no answer within 15 seconds. `connection_failed`: the connection (DNS, TCP, TLS) failed. `address_not_allowed`: a live endpoint's host resolved to a non-public address. `unexpected_status`: the answer was not 2xx (redirects are not followed)."), AllowedValues("timeout", "connection_failed", "address_not_allowed", "unexpected_status")]
    string? Error,
    [Description("When the next scheduled attempt is due, in Unix seconds; absent unless `status` is `retrying`.")]
    long? NextAttemptAt,
    [Description("`true` for an attempt requested with `POST /v1/events/{id}/redeliver`.")]
    bool Manual,
    [Description("When the attempt started, in Unix seconds.")]
    long Created)
{
    public static WebhookAttemptView From(WebhookAttempt attempt) => new(
        "webhook_attempt", attempt.EndpointId, attempt.EventId, attempt.Number, attempt.Status,
        attempt.StatusCode, attempt.DurationMs, attempt.Error, attempt.NextAttemptAt?.ToUnixTimeSeconds(), attempt.Manual,
        attempt.Started.ToUnixTimeSeconds());
}
