using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/oauth/clients</c>: partners' OAuth 2.0 clients (client credentials).</summary>
public sealed class OAuthClientsService
{
    private readonly ApiTransport api;

    internal OAuthClientsService(ApiTransport api) => this.api = api;

    /// <summary>Registers a client; its secret is in the answer, once.</summary>
    public Task<OAuthClient> CreateAsync(CreateOAuthClientRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<OAuthClient>("v1/oauth/clients", request, options, cancellationToken);

    /// <summary>Revokes a client; its tokens stop working within the cache lifetime.</summary>
    public Task<Deleted> RevokeAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Deleted>(HttpMethod.Delete, $"v1/oauth/clients/{Segment(id)}", null, options, cancellationToken);

    /// <summary>One page of clients (never a secret).</summary>
    public Task<Page<OAuthClient>> ListAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<OAuthClient>>(Query("v1/oauth/clients", list), options, cancellationToken);

    /// <summary>Every client, page after page.</summary>
    public IAsyncEnumerable<OAuthClient> ListAllAsync(ListOptions? list = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.ListAllAsync<OAuthClient>("v1/oauth/clients", list, null, options, cancellationToken);
}
