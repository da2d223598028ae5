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

    /// <summary>One page of events, oldest first; <paramref name="type"/> filters.</summary>
    public Task<Page<Event>> ListAsync(ListOptions? list = null, string? type = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Event>>(Query("v1/events", list, [new("type", type)]), options, cancellationToken);

    /// <summary>Every event from <see cref="ListOptions.StartingAfter"/> on, page after page; <paramref name="type"/> filters.</summary>
    public IAsyncEnumerable<Event> ListAllAsync(ListOptions? list = null, string? type = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<Event>("v1/events", list, [new("type", type)], options, cancellationToken);

    /// <summary>Every delivery attempt of an event.</summary>
    public Task<Page<WebhookAttempt>> ListDeliveriesAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<WebhookAttempt>>($"v1/events/{Segment(id)}/deliveries", options, cancellationToken);

    /// <summary>Delivers an event once more (same <c>webhook-id</c>), to one endpoint or every subscribed one.</summary>
    public Task<EventRedelivery> RedeliverAsync(string id, string? endpoint = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<EventRedelivery>($"v1/events/{Segment(id)}/redeliver", new RedeliverEventRequest { Endpoint = endpoint }, options, cancellationToken);

    // Seam: GET /v1/event_types is added here once the platform serves it.
}
