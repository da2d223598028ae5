using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// "Recover failed since": after a receiver's outage, every event of a period whose latest attempt to the endpoint
/// failed is redelivered once (same <c>webhook-id</c>). It reads the endpoint's failure index for the period, not
/// the period's events (ADR 023), and confirms each candidate against its attempts.
/// </summary>
public sealed class WebhookRecovery(IWebhookEndpointStore endpoints, IWebhookAttemptStore attempts, ManualRedelivery redelivery, TimeProvider clock)
{
    // Each event costs a few storage calls; a handful in flight keeps a large recovery within a request's time.
    private const int Parallelism = 8;

    public async Task<Result<StoredResponse>> RecoverAsync(Caller.Merchant caller, string endpointId, RecoverWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = PrefixedId.IsWellFormed(endpointId, "we") ? await endpoints.GetAsync(caller.Scope, endpointId, cancellationToken) : null;
        if (endpoint is null) return Errors.ResourceMissing("webhook endpoint");
        if (!endpoint.IsEnabled) return Errors.StateInvalid("The webhook endpoint is disabled; enable it before recovering its failed events.");

        var until = command.Until ?? clock.GetUtcNow();
        // Ids sort by creation time: the period is the id range from the first millisecond of `since` to the end of `until`'s second.
        var from = PrefixedId.Earliest("evt", command.Since);
        var to = PrefixedId.Earliest("evt", until.AddSeconds(1));
        var queued = 0;
        await Parallel.ForEachAsync(attempts.MarkedFailedAsync(caller.Scope, endpoint.Id, from, to, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (eventId, token) =>
            {
                var latest = (await attempts.ListAsync(caller.Scope, eventId, endpoint.Id, token)).LastOrDefault();
                if (latest is null || latest.Succeeded) return;
                // An event already redelivered to its bound this hour is left out, as a redelivery would be.
                if (await redelivery.TryQueueAsync(caller.Scope, eventId, endpoint.Id, token) is null) Interlocked.Increment(ref queued);
            });
        return StoredResponse.Of(202, new WebhookRecoveryView("webhook_recovery", endpoint.Id, queued));
    }
}

[Description("The body of `POST /v1/webhook_endpoints/{id}/recover`. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record RecoverWebhookEndpointRequest(
    [Description("The start of the period, in Unix seconds: events created at or after it are considered."), Required, Range(0, double.PositiveInfinity), Example(1717171719)]
    long? Since,
    [Description("The end of the period, in Unix seconds, inclusive; default now. Not before `since`."), Range(0, double.PositiveInfinity)]
    long? Until)
{
    // Year 9999: anything later is not a time this API can have made an event at.
    private const long MaxSeconds = 253_402_300_799;

    public Result<RecoverWebhookEndpointCommand> Validate()
    {
        if (Since is not { } since) return Errors.ParameterMissing("since");
        if (since is < 0 or > MaxSeconds) return Errors.ParameterInvalid("since", "since must be a time in Unix seconds.");
        if (Until is { } until && (until is < 0 or > MaxSeconds)) return Errors.ParameterInvalid("until", "until must be a time in Unix seconds.");
        if (Until < since) return Errors.ParameterInvalid("until", "until must not be before since.");
        return new RecoverWebhookEndpointCommand(DateTimeOffset.FromUnixTimeSeconds(since), Until is { } end ? DateTimeOffset.FromUnixTimeSeconds(end) : null);
    }
}

public sealed record RecoverWebhookEndpointCommand(DateTimeOffset Since, DateTimeOffset? Until);

[Description("The answer to a recovery request: how many failed events were queued for one more attempt.")]
[Example("""
{
  "object": "webhook_recovery",
  "endpoint": "we_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "events": 3
}
""")]
public sealed record WebhookRecoveryView(
    [Description("The object's type: always `webhook_recovery`."), AllowedValues("webhook_recovery")]
    string Object,
    [Description("The endpoint the events are redelivered to."), RegularExpression("^we_")]
    string Endpoint,
    [Description("How many events of the period, whose latest attempt to the endpoint had failed, were queued for one attempt now (same `webhook-id`). Events already redelivered 5 times to it within the hour are left out."), Range(0, double.PositiveInfinity)]
    int Events);
