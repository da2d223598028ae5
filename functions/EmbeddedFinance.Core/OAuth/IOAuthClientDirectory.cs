namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// Finds a client by its id, for the token endpoint and for every request carrying one of its tokens. Answers may be up
/// to <see cref="Access.ApiKeyOptions.CacheLifetime"/> old (at most 60 s), the promise made for revoked keys.
/// </summary>
public interface IOAuthClientDirectory
{
    Task<OAuthClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken);
}
