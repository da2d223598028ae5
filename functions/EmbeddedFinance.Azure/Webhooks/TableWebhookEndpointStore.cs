using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Webhooks;

public sealed class TableWebhookEndpointStore(StateTable table, StateBatches batches, WebhookEndpointSet set) : IWebhookEndpointStore
{
    public async Task CreateAsync(WebhookEndpoint endpoint, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = WebhookEndpointSet.Changed(batches.For(endpoint.Scope).Add(ToEntity(endpoint)));
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task<WebhookEndpoint?> GetAsync(string scope, string endpointId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<WebhookEndpointEntity>(scope, StateTable.RowKey(WebhookEndpointEntity.Kind, endpointId), cancellationToken: cancellationToken);
        return found.HasValue ? ToEndpoint(found.Value!) : null;
    }

    public Task<Page<WebhookEndpoint>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<WebhookEndpointEntity, WebhookEndpoint>(table.Client, scope, WebhookEndpointEntity.Kind, page, ToEndpoint, cancellationToken);

    public Task<IReadOnlyList<WebhookEndpoint>> ListEnabledAsync(string scope, CancellationToken cancellationToken) =>
        set.EnabledAsync(scope, () => QueryEnabledAsync(scope, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<WebhookEndpoint>> QueryEnabledAsync(string scope, CancellationToken cancellationToken)
    {
        var enabled = new List<WebhookEndpoint>();
        await foreach (var entity in table.KindInScope<WebhookEndpointEntity>(scope, WebhookEndpointEntity.Kind, cancellationToken: cancellationToken))
        {
            var endpoint = ToEndpoint(entity);
            if (endpoint.IsEnabled) enabled.Add(endpoint);
        }
        return enabled;
    }

    public async Task ReplaceAsync(WebhookEndpoint endpoint, PlatformEvent? platformEvent, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = WebhookEndpointSet.Changed(batches.For(endpoint.Scope).Replace(ToEntity(endpoint)));
        if (platformEvent is not null) batch.AddEvent(platformEvent);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task DeleteAsync(WebhookEndpoint endpoint, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = WebhookEndpointSet.Changed(batches.For(endpoint.Scope).Delete(ToEntity(endpoint)));
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    private static WebhookEndpointEntity ToEntity(WebhookEndpoint endpoint) => new()
    {
        PartitionKey = endpoint.Scope,
        RowKey = StateTable.RowKey(WebhookEndpointEntity.Kind, endpoint.Id),
        ETag = new global::Azure.ETag(endpoint.Version),
        Url = endpoint.Url.OriginalString,
        EnabledEvents = string.Join(' ', endpoint.EnabledEvents),
        Description = endpoint.Description,
        Status = endpoint.Status.ToString(),
        Mode = endpoint.Mode.ToString(),
        Created = endpoint.Created,
        SecretVersion = endpoint.SecretVersion,
        PreviousSecretVersion = endpoint.PreviousSecretVersion,
        PreviousSecretExpires = endpoint.PreviousSecretExpires,
        FailingSince = endpoint.FailingSince,
        ApiVersion = endpoint.ApiVersion,
        DisabledReason = endpoint.DisabledReason,
        ThrottleRate = endpoint.ThrottleRate,
        PausedUntil = endpoint.PausedUntil,
        Signing = endpoint.Signing.ToString(),
        Payload = endpoint.Payload.ToString(),
    };

    private static WebhookEndpoint ToEndpoint(WebhookEndpointEntity entity) => new(
        entity.RowKey[(WebhookEndpointEntity.Kind.Length + 1)..],
        entity.PartitionKey,
        Enum.Parse<Mode>(entity.Mode),
        new Uri(entity.Url, UriKind.Absolute),
        entity.EnabledEvents.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        entity.Description,
        Enum.Parse<WebhookEndpointStatus>(entity.Status),
        entity.Created,
        entity.SecretVersion,
        entity.PreviousSecretVersion,
        entity.PreviousSecretExpires,
        entity.FailingSince,
        entity.ETag.ToString())
    {
        ApiVersion = entity.ApiVersion ?? ApiVersions.First,
        DisabledReason = entity.DisabledReason,
        ThrottleRate = entity.ThrottleRate,
        PausedUntil = entity.PausedUntil,
        Signing = entity.Signing is null ? SigningScheme.HmacSha256 : Enum.Parse<SigningScheme>(entity.Signing),
        Payload = entity.Payload is null ? PayloadStyle.Full : Enum.Parse<PayloadStyle>(entity.Payload),
    };
}
