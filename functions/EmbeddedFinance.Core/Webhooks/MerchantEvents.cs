using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The events API: events as webhooks carry them, their delivery attempts, and redelivery on request.</summary>
public sealed class MerchantEvents(
    IEventStore events, IWebhookAttemptStore attempts, IWebhookEndpointStore endpoints, ManualRedelivery redelivery, IOptions<WebhookOptions> options)
{
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, string eventId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, eventId, cancellationToken);
        // Exactly the document a webhook carries, so a merchant can compare the two byte for byte.
        return found is null ? Errors.ResourceMissing("event") : new StoredResponse(200, StoredResponse.Json, found.ToJson());
    }

    public async Task<Result<StoredResponse>> ListAsync(Caller.Merchant caller, PageRequest page, string? type, string? objectId, CancellationToken cancellationToken)
    {
        if (type is not null && !EventTypes.All.Contains(type)) return Errors.ParameterInvalid("type", "The type filter must be an event type of the API, such as 'payment.succeeded'.");
        if (objectId is not null && type is not null) return Errors.ParameterInvalid("object", "Filter by type or by object, not both.");
        if (objectId is not null && (objectId.Length > 64 || !objectId.Contains('_', StringComparison.Ordinal) || !objectId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            return Errors.ParameterInvalid("object", "The object filter must be the id of an object events are about, such as 'pay_…'.");
        }
        var found = objectId is null
            ? await events.ListAsync(caller.Scope, page, type, cancellationToken)
            : await events.ListAboutAsync(caller.Scope, objectId, page, cancellationToken);
        var documents = found.Data.Select(platformEvent => JsonNode.Parse(platformEvent.ToJson())!).ToList();
        return StoredResponse.Of(200, new ListView<JsonNode>("list", documents, found.HasMore, "/v1/events"));
    }

    public async Task<Result<StoredResponse>> DeliveriesAsync(Caller.Merchant caller, string eventId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, eventId, cancellationToken) is null) return Errors.ResourceMissing("event");
        var found = await attempts.ListAsync(caller.Scope, eventId, null, cancellationToken);
        return StoredResponse.Of(200, new ListView<WebhookAttemptView>("list", found.Select(WebhookAttemptView.From).ToList(), false, $"/v1/events/{eventId}/deliveries"));
    }

    /// <summary>Queues one more attempt, now, to the named endpoint or to every enabled endpoint subscribed to the event's type.</summary>
    public async Task<Result<StoredResponse>> RedeliverAsync(Caller.Merchant caller, string eventId, RedeliverEventCommand command, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, eventId, cancellationToken);
        if (found is null) return Errors.ResourceMissing("event");
        IReadOnlyList<WebhookEndpoint> targets;
        if (command.EndpointId is { } endpointId)
        {
            var endpoint = await endpoints.GetAsync(caller.Scope, endpointId, cancellationToken);
            if (endpoint is null) return Errors.ResourceMissing("webhook endpoint", "endpoint");
            if (!endpoint.IsEnabled) return Errors.StateInvalid("The webhook endpoint is disabled; enable it before redelivering to it.");
            targets = [endpoint];
        }
        else
        {
            targets = (await endpoints.ListEnabledAsync(caller.Scope, cancellationToken)).Where(endpoint => endpoint.Subscribes(found.Type)).ToList();
        }

        var queued = new List<WebhookEndpoint>();
        var waits = new List<TimeSpan>();
        foreach (var endpoint in targets)
        {
            if (await redelivery.TryQueueAsync(caller.Scope, eventId, endpoint.Id, cancellationToken) is { } wait) waits.Add(wait);
            else queued.Add(endpoint);
        }
        // Endpoints still in their bound are redelivered to, the others left out of the answer's list; only when none is, the answer is 429.
        if (queued.Count == 0 && waits.Count > 0) return Errors.RedeliveriesLimited(options.Value.MaxRedeliveriesPerHour, waits.Min());
        return StoredResponse.Of(202, new RedeliveryView("event_redelivery", eventId, queued.Select(endpoint => endpoint.Id).ToList()));
    }

    private async Task<PlatformEvent?> FindAsync(Caller.Merchant caller, string eventId, CancellationToken cancellationToken) =>
        PrefixedId.IsWellFormed(eventId, "evt") ? await events.GetAsync(caller.Scope, eventId, cancellationToken) : null;
}

[Description("The body of `POST /v1/events/{id}/redeliver`; it may be empty. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record RedeliverEventRequest(
    [Description("Redeliver only to this webhook endpoint (`we_…`; another kind of id is `400 parameter_invalid`). Without it, the event goes to every enabled endpoint subscribed to its type."), RegularExpression("^we_"), Example("we_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string? Endpoint)
{
    public Result<RedeliverEventCommand> Validate() => Endpoint is null || PrefixedId.IsWellFormed(Endpoint, "we")
        ? new RedeliverEventCommand(Endpoint)
        : Errors.ParameterInvalid("endpoint", "The endpoint must be a webhook endpoint id (we_…).");
}

public sealed record RedeliverEventCommand(string? EndpointId);

[Description("The answer to a redelivery request: the endpoints an attempt was queued for.")]
[Example("""
{
  "object": "event_redelivery",
  "event": "evt_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "endpoints": [
    "we_01HZX3K8J4Q2V7N5T9B6C1D0EF"
  ]
}
""")]
public sealed record RedeliveryView(
    [Description("The object's type: always `event_redelivery`."), AllowedValues("event_redelivery")]
    string Object,
    [Description("The event being redelivered."), RegularExpression("^evt_")]
    string Event,
    [Description("The endpoints that get one more attempt; empty when no enabled endpoint subscribes to the event's type."), RegularExpression("^we_")]
    IReadOnlyList<string> Endpoints);
