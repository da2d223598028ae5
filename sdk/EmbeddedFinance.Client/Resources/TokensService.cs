using EmbeddedFinance.Client.Http;
using static EmbeddedFinance.Client.Http.ApiTransport;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/tokens</c>: card tokens.</summary>
public sealed class TokensService
{
    private readonly ApiTransport api;

    internal TokensService(ApiTransport api) => this.api = api;

    /// <summary>Tokenizes a card (a publishable key is enough). Bad card data throws <see cref="ApiException"/> 400 <c>incorrect_number</c>, … with <c>Param</c>.</summary>
    public Task<Token> CreateAsync(CreateTokenRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<Token>("v1/tokens", request, options, cancellationToken);

    /// <summary>Reads one token (a secret key).</summary>
    public Task<Token> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Token>($"v1/tokens/{Segment(id)}", options, cancellationToken);
}
