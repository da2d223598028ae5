using System.Collections.Concurrent;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Telemetry;
using EmbeddedFinance.Core.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Makes one attempt of a delivery: signs the event as GET returns it, POSTs it, records the attempt, and on
/// failure queues the next attempt after the schedule's delay (hidden in the queue, no worker waits). Safe to run
/// twice for one message: an attempt already recorded, or a delivery already succeeded, is not repeated. The order
/// "queue the next attempt, then record this one" means a crash between the two repeats an attempt rather than
/// losing the retries.
/// </summary>
public sealed class DeliverWebhook(
    IWebhookEndpointStore endpoints,
    IEventStore events,
    IWebhookAttemptStore attempts,
    IWebhookQueue queue,
    IWebhookSender sender,
    IEndpointPacer pacer,
    WebhookSecrets secrets,
    EndpointHealth health,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<DeliverWebhook> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> slots = new(StringComparer.Ordinal);

    public async Task HandleAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var activity = PlatformTelemetry.Activities.StartActivity("webhook.deliver");
        activity?.SetTag("ef.event", delivery.EventId);
        activity?.SetTag("ef.endpoint", delivery.EndpointId);
        activity?.SetTag("ef.attempt", delivery.Attempt);
        var endpoint = await endpoints.GetAsync(delivery.Scope, delivery.EndpointId, cancellationToken);
        if (endpoint is null || !endpoint.IsEnabled)
        {
            logger.LogInformation("Webhook {EventId} to {EndpointId} dropped: the endpoint is {State}", delivery.EventId, delivery.EndpointId, endpoint is null ? "deleted" : "disabled");
            return;
        }
        var platformEvent = await events.GetAsync(delivery.Scope, delivery.EventId, cancellationToken);
        if (platformEvent is null)
        {
            logger.LogError("Webhook delivery names event {EventId} of {Scope}, which does not exist; dropped", delivery.EventId, delivery.Scope);
            return;
        }
        var earlier = await attempts.ListAsync(delivery.Scope, delivery.EventId, delivery.EndpointId, cancellationToken);
        if (earlier.Any(attempt => attempt.Number == delivery.Attempt && attempt.Manual == delivery.Manual)
            || (!delivery.Manual && earlier.Any(attempt => attempt.Succeeded)))
        {
            logger.LogDebug("Webhook {EventId} to {EndpointId} attempt {Attempt} already made; duplicate message ignored", delivery.EventId, delivery.EndpointId, delivery.Attempt);
            return;
        }

        if (await HeldBackAsync(delivery, endpoint, cancellationToken)) return;

        // A healthy endpoint frees a slot in milliseconds; one still taken after a short wait belongs to a slow or
        // hanging endpoint, whose deliveries come back later (not counted as attempts) rather than hold every worker.
        var slot = slots.GetOrAdd(endpoint.Id, _ => new SemaphoreSlim(options.Value.MaxInFlightPerEndpoint));
        if (!await slot.WaitAsync(options.Value.SlotWait, cancellationToken))
        {
            await queue.EnqueueAsync(delivery, options.Value.DeferDelay, cancellationToken);
            return;
        }
        WebhookAttempt attempt;
        TimeSpan? retryAfter;
        ReceiverSignal? signal;
        try
        {
            (attempt, retryAfter, signal) = await AttemptAsync(delivery, endpoint, platformEvent, cancellationToken);
        }
        finally
        {
            slot.Release();
        }

        if (retryAfter is { } delay) await queue.EnqueueAsync(delivery with { Attempt = delivery.Attempt + 1, Parked = 0 }, delay, cancellationToken);
        await attempts.RecordAsync(delivery.Scope, attempt, cancellationToken);
        Log(delivery, attempt);
        PlatformTelemetry.WebhookAttempts.Add(1, PlatformTelemetry.Tags(("outcome", attempt.Status), ("error", attempt.Error ?? "none"), ("manual", delivery.Manual), ("scope", delivery.Scope)));
        PlatformTelemetry.WebhookAttemptDuration.Record(attempt.DurationMs, PlatformTelemetry.Tags(("outcome", attempt.Status)));
        activity?.SetTag("ef.outcome", attempt.Status);
        await health.ObserveAsync(endpoint, attempt, signal, cancellationToken);
    }

    /// <summary>
    /// Sends the delivery back to the queue, not counted as an attempt, while its endpoint asked for a pause or its
    /// throttle has no slot soon; waits in process for a slot that is near.
    /// </summary>
    private async Task<bool> HeldBackAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (endpoint.PausedUntil is { } paused && paused > now)
        {
            logger.LogDebug("Webhook {EventId} to {EndpointId} held until {PausedUntil:O}: the receiver asked for a pause", delivery.EventId, delivery.EndpointId, paused);
            await queue.EnqueueAsync(delivery, paused - now, cancellationToken);
            return true;
        }
        if (endpoint.ThrottleRate is not { } rate) return false;
        var slot = await pacer.TakeAsync(delivery.Scope, endpoint.Id, TimeSpan.FromSeconds(1 / rate), now, options.Value.ThrottleWait, cancellationToken);
        if (!slot.Taken)
        {
            await queue.EnqueueAsync(delivery, slot.At - now, cancellationToken);
            return true;
        }
        if (slot.At > now) await Task.Delay(slot.At - now, clock, cancellationToken);
        return false;
    }

    /// <summary>
    /// Sends once; returns what happened, what the receiver signalled, and, when it failed and the schedule goes on,
    /// the wait before the next attempt: the schedule's, or the receiver's <c>Retry-After</c> when that is longer.
    /// </summary>
    private async Task<(WebhookAttempt Attempt, TimeSpan? RetryAfter, ReceiverSignal? Signal)> AttemptAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, PlatformEvent platformEvent, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timestamp = started.ToUnixTimeSeconds();
        var body = VersionedJson.Render(platformEvent.ToJson(), endpoint.ApiVersion);
        if (endpoint.Payload == PayloadStyle.Thin) body = ThinEvent.From(body);
        var signature = await secrets.SignAsync(endpoint, platformEvent.Id, timestamp, body, started, cancellationToken);
        var response = await sender.SendAsync(new WebhookRequest(endpoint.Url, endpoint.Mode, platformEvent.Id, timestamp, signature, body), cancellationToken);
        var signal = ReceiverSignal.Of(response);
        var retryAfter = response.Error is null || delivery.Manual || signal is ReceiverSignal.Gone ? null : options.Value.DelayAfter(delivery.Attempt);
        if (retryAfter is { } scheduled && signal is ReceiverSignal.Pause pause && pause.For > scheduled) retryAfter = pause.For;
        var attempt = new WebhookAttempt(platformEvent.Id, endpoint.Id, delivery.Attempt, delivery.Manual, started, response.StatusCode,
            (long)response.Duration.TotalMilliseconds, response.Error, clock.GetUtcNow() + retryAfter);
        return (attempt, retryAfter, signal);
    }

    private void Log(WebhookDelivery delivery, WebhookAttempt attempt)
    {
        if (attempt.Succeeded)
        {
            logger.LogInformation("Webhook {EventId} to {EndpointId} delivered on attempt {Attempt} ({StatusCode}, {DurationMs} ms)",
                attempt.EventId, attempt.EndpointId, attempt.Number, attempt.StatusCode, attempt.DurationMs);
        }
        else if (attempt.NextAttemptAt is not null)
        {
            logger.LogWarning("Webhook {EventId} to {EndpointId} attempt {Attempt} failed ({Error}, status {StatusCode}, {DurationMs} ms); next attempt at {NextAttemptAt:O}",
                attempt.EventId, attempt.EndpointId, attempt.Number, attempt.Error, attempt.StatusCode, attempt.DurationMs, attempt.NextAttemptAt);
        }
        else
        {
            logger.LogError("Webhook {EventId} to {EndpointId} of {Scope} FAILED for good after attempt {Attempt}{Manual} ({Error}, status {StatusCode})",
                attempt.EventId, attempt.EndpointId, delivery.Scope, attempt.Number, delivery.Manual ? " (manual redelivery)" : "", attempt.Error, attempt.StatusCode);
        }
    }
}
