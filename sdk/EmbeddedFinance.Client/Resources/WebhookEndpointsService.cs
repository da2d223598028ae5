using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/webhook_endpoints</c>: where events are delivered.</summary>
public sealed class WebhookEndpointsService
{
    private readonly ApiTransport api;

    internal WebhookEndpointsService(ApiTransport api) => this.api = api;

    /// <summary>Creates an endpoint; the answer carries its <c>whsec_</c> secret (or, <c>ed25519</c>, its <c>whpk_</c> public key), once.</summary>
    public Task<WebhookEndpoint> CreateAsync(CreateWebhookEndpointRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<WebhookEndpoint>("v1/webhook_endpoints", request, options, cancellationToken);

    /// <summary>Reads one endpoint (without its secret).</summary>
    public Task<WebhookEndpoint> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<WebhookEndpoint>($"v1/webhook_endpoints/{Segment(id)}", options, cancellationToken);

    /// <summary>Changes an endpoint.</summary>
    public Task<WebhookEndpoint> UpdateAsync(string id, UpdateWebhookEndpointRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<WebhookEndpoint>(HttpMethod.Patch, $"v1/webhook_endpoints/{Segment(id)}", request, options, cancellationToken);

    /// <summary>Deletes an endpoint and its secrets.</summary>
    public Task<Deleted> DeleteAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Deleted>(HttpMethod.Delete, $"v1/webhook_endpoints/{Segment(id)}", null, options, cancellationToken);

    /// <summary>A new secret; the old one keeps signing beside it until it expires.</summary>
    public Task<WebhookEndpointSecret> RotateSecretAsync(string id, RotateWebhookSecretRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<WebhookEndpointSecret>($"v1/webhook_endpoints/{Segment(id)}/rotate_secret", request ?? new RotateWebhookSecretRequest(), options, cancellationToken);

    /// <summary>One page of endpoints, oldest first.</summary>
    public Task<Page<WebhookEndpoint>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<WebhookEndpoint>>(Query("v1/webhook_endpoints", list), options, cancellationToken);

    /// <summary>Every endpoint, page after page.</summary>
    public IAsyncEnumerable<WebhookEndpoint> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<WebhookEndpoint>("v1/webhook_endpoints", list, null, options, cancellationToken);

    /// <summary>After a receiver's outage: every event of the period whose latest attempt to this endpoint failed is sent once more now (same <c>webhook-id</c>).</summary>
    public Task<WebhookRecovery> RecoverAsync(string id, RecoverWebhookEndpointRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<WebhookRecovery>($"v1/webhook_endpoints/{Segment(id)}/recover", request, options, cancellationToken);
}
