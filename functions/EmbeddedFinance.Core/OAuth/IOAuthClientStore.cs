using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>A merchant's OAuth clients as objects: registered, listed and revoked by the merchant's secret key.</summary>
public interface IOAuthClientStore
{
    /// <summary>Stores a new client: it can obtain tokens once this returns, and the completion commits with its object.</summary>
    Task CreateAsync(OAuthClientRecord client, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    Task<OAuthClientRecord?> GetAsync(string scope, string clientId, CancellationToken cancellationToken);

    Task<Page<OAuthClientRecord>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Removes the client: neither it nor its tokens work here at once, nor anywhere after the client cache's lifetime.</summary>
    Task RevokeAsync(OAuthClientRecord client, IdempotencyCompletion? completion, CancellationToken cancellationToken);
}
