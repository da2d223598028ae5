using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Tracks an endpoint's run of failures across all its deliveries: the first failure marks when it began, a
/// success clears it, and a failure after <see cref="WebhookOptions.DisableAfter"/> of nothing but failures
/// disables the endpoint with a <c>webhook_endpoint.disabled</c> event (which the merchant's other endpoints receive).
/// The receiver's own signals act at once: <c>410 Gone</c> disables it (reason <c>gone</c>), a <c>Retry-After</c>
/// pauses every delivery to it. Writes happen only when the state changes; a lost race over a failure mark is left to
/// the next attempt, but a signal is applied again to the endpoint as it now is, since no next attempt may come.
/// </summary>
public sealed class EndpointHealth(IWebhookEndpointStore endpoints, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<EndpointHealth> logger)
{
    private const int SignalRetries = 3;

    public async Task ObserveAsync(WebhookEndpoint endpoint, WebhookAttempt attempt, ReceiverSignal? signal, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await ApplyAsync(endpoint, attempt, signal, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (signal is not null && round < SignalRetries)
            {
                var current = await endpoints.GetAsync(endpoint.Scope, endpoint.Id, cancellationToken);
                if (current is null || !current.IsEnabled) return;
                endpoint = current;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone changed the endpoint since this delivery read it (the merchant, or another delivery's mark): the next attempt decides again.
                return;
            }
        }
    }

    private async Task ApplyAsync(WebhookEndpoint endpoint, WebhookAttempt attempt, ReceiverSignal? signal, CancellationToken cancellationToken)
    {
        if (attempt.Succeeded)
        {
            if (endpoint.FailingSince is not null) await endpoints.ReplaceAsync(endpoint with { FailingSince = null }, null, null, cancellationToken);
            return;
        }
        if (signal is ReceiverSignal.Gone)
        {
            await DisableAsync(endpoint, DisabledReasons.Gone, cancellationToken);
            logger.LogWarning("Webhook endpoint {EndpointId} of {Scope} DISABLED: it answered 410 Gone", endpoint.Id, endpoint.Scope);
            return;
        }
        var failingSince = endpoint.FailingSince ?? attempt.Started;
        if (endpoint.FailingSince is not null && clock.GetUtcNow() - failingSince >= options.Value.DisableAfter)
        {
            await DisableAsync(endpoint, DisabledReasons.Failing, cancellationToken);
            logger.LogWarning("Webhook endpoint {EndpointId} of {Scope} DISABLED: every attempt has failed since {FailingSince:O} (last: {Error})",
                endpoint.Id, endpoint.Scope, failingSince, attempt.Error);
            return;
        }
        // One pause per signal: the deliveries it holds back make no attempts, so they add no failures of their own.
        var pausedUntil = signal is ReceiverSignal.Pause pause ? clock.GetUtcNow() + pause.For : endpoint.PausedUntil;
        if (pausedUntil == endpoint.PausedUntil && failingSince == endpoint.FailingSince) return;
        await endpoints.ReplaceAsync(endpoint with { FailingSince = failingSince, PausedUntil = pausedUntil }, null, null, cancellationToken);
        if (signal is ReceiverSignal.Pause) logger.LogInformation("Webhook endpoint {EndpointId} of {Scope} paused until {PausedUntil:O}: it answered {StatusCode} with Retry-After", endpoint.Id, endpoint.Scope, pausedUntil, attempt.StatusCode);
    }

    private async Task DisableAsync(WebhookEndpoint endpoint, string reason, CancellationToken cancellationToken)
    {
        var disabled = endpoint with { Status = WebhookEndpointStatus.Disabled, DisabledReason = reason, PausedUntil = null };
        var notice = PlatformEvent.Of(EventTypes.WebhookEndpointDisabled, endpoint.Scope, endpoint.Mode, WebhookEndpointView.From(disabled), clock);
        await endpoints.ReplaceAsync(disabled, notice, null, cancellationToken);
    }
}
