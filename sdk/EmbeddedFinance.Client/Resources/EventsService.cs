using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/events</c>: what happened, in order; the webhooks' source.</summary>
public sealed class EventsService
{
    private readonly ApiTransport api;

    internal EventsService(ApiTransport api) => this.api = api;

    /// <summary>Reads one event.</summary>
    public Task<Event> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Event>($"v1/events/{Segment(id)}", options, cancellationToken);

    /// <summary>One page of events, oldest first; <paramref name="type"/> filters, or <paramref name="objectId"/> (not both): the events about one object (<c>data.object.id</c>, e.g. a <c>pay_…</c>), its history.</summary>
    public Task<Page<Event>> ListAsync(ListOptions? list = null, string? type = null, string? objectId = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Event>>(Query("v1/events", list, Filters(type, objectId)), options, cancellationToken);

    /// <summary>Every event from <see cref="ListOptions.StartingAfter"/> on, page after page; <paramref name="type"/> filters, or <paramref name="objectId"/> (not both).</summary>
    public IAsyncEnumerable<Event> ListAllAsync(ListOptions? list = null, string? type = null, string? objectId = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Event>("v1/events", list, Filters(type, objectId), options, cancellationToken);

    /// <summary>Every delivery attempt of an event.</summary>
    public Task<Page<WebhookAttempt>> ListDeliveriesAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<WebhookAttempt>>($"v1/events/{Segment(id)}/deliveries", options, cancellationToken);

    /// <summary>Delivers an event once more (same <c>webhook-id</c>), to one endpoint or every subscribed one.</summary>
    public Task<EventRedelivery> RedeliverAsync(string id, string? endpoint = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<EventRedelivery>($"v1/events/{Segment(id)}/redeliver", new RedeliverEventRequest { Endpoint = endpoint }, options, cancellationToken);

    /// <summary>The event catalog: every event type, what it means, and the JSON Schema of its object (not paged).</summary>
    public Task<Page<EventTypeDescription>> ListTypesAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<EventTypeDescription>>("v1/event_types", options, cancellationToken);

    private static KeyValuePair<string, string?>[] Filters(string? type, string? objectId) => [new("type", type), new("object", objectId)];
}
