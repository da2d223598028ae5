using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Webhooks;

public interface IWebhookEndpointStore
{
    Task CreateAsync(WebhookEndpoint endpoint, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> GetAsync(string scope, string endpointId, CancellationToken cancellationToken);

    Task<Page<WebhookEndpoint>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Every enabled endpoint of the scope (a merchant has few).</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListEnabledAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Writes the endpoint, with an event in the same batch; <see cref="ConcurrencyConflictException"/> when it changed since <see cref="WebhookEndpoint.Version"/> was read.</summary>
    Task ReplaceAsync(WebhookEndpoint endpoint, PlatformEvent? platformEvent, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    /// <summary>Deletes the endpoint; <see cref="ConcurrencyConflictException"/> when it changed since it was read.</summary>
    Task DeleteAsync(WebhookEndpoint endpoint, IdempotencyCompletion? completion, CancellationToken cancellationToken);
}

public interface IEventStore
{
    Task<PlatformEvent?> GetAsync(string scope, string eventId, CancellationToken cancellationToken);

    /// <summary>A page of the scope's events in creation order, optionally of one type.</summary>
    Task<Page<PlatformEvent>> ListAsync(string scope, PageRequest page, string? type, CancellationToken cancellationToken);

    /// <summary>A page of the scope's events about one object (<c>data.object.id</c>), in creation order, read through an index (ADR 023).</summary>
    Task<Page<PlatformEvent>> ListAboutAsync(string scope, string objectId, PageRequest page, CancellationToken cancellationToken);
}

public interface IWebhookAttemptStore
{
    /// <summary>The attempts for an event, to one endpoint or to all, oldest first.</summary>
    Task<IReadOnlyList<WebhookAttempt>> ListAsync(string scope, string eventId, string? endpointId, CancellationToken cancellationToken);

    /// <summary>Records an attempt; one already recorded under its number (scheduled and manual attempts count apart) stays as it is.</summary>
    Task RecordAsync(string scope, WebhookAttempt attempt, CancellationToken cancellationToken);

    /// <summary>
    /// The events with ids in [<paramref name="fromEventId"/>, <paramref name="toEventId"/>) whose latest attempt to the
    /// endpoint was recorded as failed, oldest first, from an index kept by <see cref="RecordAsync"/>: it costs what failed,
    /// not what was sent. A candidate list: the caller checks the attempts themselves.
    /// </summary>
    IAsyncEnumerable<string> MarkedFailedAsync(string scope, string endpointId, string fromEventId, string toEventId, CancellationToken cancellationToken);
}

public interface IWebhookQueue
{
    Task EnqueueAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Sends one signed request. Never throws for the endpoint's failures: they are the answer.</summary>
public interface IWebhookSender
{
    Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken cancellationToken);
}

public sealed record WebhookRequest(Uri Url, Mode Mode, string WebhookId, long Timestamp, string Signature, string Body);

/// <param name="Error">Null on a 2xx answer; else a stable code: <c>timeout</c>, <c>connection_failed</c>, <c>address_not_allowed</c>, <c>unexpected_status</c>.</param>
/// <param name="RetryAfter">A <c>429</c> or <c>503</c> answer's <c>Retry-After</c> (seconds or a date, as a wait from now, uncapped); null otherwise.</param>
public sealed record WebhookResponse(int? StatusCode, TimeSpan Duration, string? Error, TimeSpan? RetryAfter = null);
