using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Tracks an endpoint's run of failures across all its deliveries: the first failure marks when it began, a
/// success clears it, and a failure after <see cref="WebhookOptions.DisableAfter"/> of nothing but failures
/// disables the endpoint with a <c>webhook_endpoint.disabled</c> event (which the merchant's other endpoints receive).
/// Writes happen only when the state changes, and a lost race is left to the next attempt to settle.
/// </summary>
public sealed class EndpointHealth(IWebhookEndpointStore endpoints, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<EndpointHealth> logger)
{
    public async Task ObserveAsync(WebhookEndpoint endpoint, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(endpoint, attempt, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone changed the endpoint since this delivery read it (the merchant, or another delivery's mark): the next attempt decides again.
        }
    }

    private async Task ApplyAsync(WebhookEndpoint endpoint, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        if (attempt.Succeeded)
        {
            if (endpoint.FailingSince is not null) await endpoints.ReplaceAsync(endpoint with { FailingSince = null }, null, null, cancellationToken);
            return;
        }
        if (endpoint.FailingSince is not { } since)
        {
            await endpoints.ReplaceAsync(endpoint with { FailingSince = attempt.Started }, null, null, cancellationToken);
            return;
        }
        if (clock.GetUtcNow() - since < options.Value.DisableAfter) return;

        var disabled = endpoint with { Status = WebhookEndpointStatus.Disabled };
        var notice = PlatformEvent.Of(EventTypes.WebhookEndpointDisabled, endpoint.Scope, endpoint.Mode, WebhookEndpointView.From(disabled), clock);
        await endpoints.ReplaceAsync(disabled, notice, null, cancellationToken);
        logger.LogWarning("Webhook endpoint {EndpointId} of {Scope} DISABLED: every attempt has failed since {FailingSince:O} (last: {Error})",
            endpoint.Id, endpoint.Scope, since, attempt.Error);
    }
}
