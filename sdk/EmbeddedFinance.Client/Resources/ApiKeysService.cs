using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/api_keys</c>: API keys as objects: restricted keys, roll, revoke.</summary>
public sealed class ApiKeysService
{
    private readonly ApiTransport api;

    internal ApiKeysService(ApiTransport api) => this.api = api;

    /// <summary>Creates a restricted key; its secret is in the answer, once.</summary>
    public Task<ApiKey> CreateAsync(CreateApiKeyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<ApiKey>("v1/api_keys", request, options, cancellationToken);

    /// <summary>Replaces a key by a new one; the old one works until the given expiry.</summary>
    public Task<ApiKey> RollAsync(string id, RollApiKeyRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<ApiKey>($"v1/api_keys/{Segment(id)}/roll", request ?? new RollApiKeyRequest(), options, cancellationToken);

    /// <summary>Revokes a key at once.</summary>
    public Task<Deleted> RevokeAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Deleted>(HttpMethod.Delete, $"v1/api_keys/{Segment(id)}", null, options, cancellationToken);

    /// <summary>One page of the merchant's keys (never a secret).</summary>
    public Task<Page<ApiKey>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<ApiKey>>(Query("v1/api_keys", list), options, cancellationToken);

    /// <summary>Every key, page after page.</summary>
    public IAsyncEnumerable<ApiKey> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<ApiKey>("v1/api_keys", list, null, options, cancellationToken);
}
