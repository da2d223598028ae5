using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Access;

/// <summary>A merchant's keys as objects: created, listed, rolled and revoked by the merchant's secret key.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key: it authenticates once this returns, and the completion commits with its object.</summary>
    Task CreateAsync(ApiKeyRecord key, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(string scope, string keyId, CancellationToken cancellationToken);

    Task<Page<ApiKeyRecord>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="replacement"/> and gives <paramref name="rolled"/> (already carrying its new expiry and successor) its end.</summary>
    Task RollAsync(ApiKeyRecord rolled, ApiKeyRecord replacement, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    /// <summary>Removes the key: it stops authenticating at once here and within the key cache's lifetime everywhere.</summary>
    Task RevokeAsync(ApiKeyRecord key, IdempotencyCompletion? completion, CancellationToken cancellationToken);
}
