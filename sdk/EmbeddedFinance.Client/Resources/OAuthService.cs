using EmbeddedFinance.Client.Http;

namespace EmbeddedFinance.Client.Resources;

/// <summary>OAuth 2.0 client credentials: a partner exchanges its client id and secret for an access token.</summary>
public sealed class OAuthService
{
    private readonly ApiTransport api;

    internal OAuthService(ApiTransport api) => this.api = api;

    /// <summary>
    /// <c>POST /oauth/token</c> with <c>grant_type=client_credentials</c>. Use the token as the API key of another client
    /// (<see cref="EmbeddedFinanceClientOptions.ApiKey"/>). Errors are RFC 6749 (<c>invalid_client</c>, …) in
    /// <see cref="ApiException.Problem"/>'s <c>error</c> member.
    /// </summary>
    public Task<OAuthToken> RequestTokenAsync(string clientId, string clientSecret, string? scope = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", clientSecret),
        };
        if (scope is not null) form.Add(new("scope", scope));
        return api.SendAsync<OAuthToken>(HttpMethod.Post, "oauth/token", new FormUrlEncodedContent(form), null, cancellationToken, authenticate: false);
    }
}
