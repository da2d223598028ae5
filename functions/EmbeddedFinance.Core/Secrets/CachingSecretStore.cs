using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Secrets;

/// <summary>
/// Caches any secret store: the current version of a secret for a short TTL (every request needs the admin key,
/// every tokenization the data keys; Key Vault throttles), and specific versions for the life of the process
/// (they never change). A rotation made through this store is visible at once.
/// </summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeSpan ttl, TimeProvider clock) : ISecretStore
{
    private readonly ExpiringCache<string, SecretValue?> current = new(ttl, clock);
    private readonly ExpiringCache<(string, string), SecretValue?> versions = new(Timeout.InfiniteTimeSpan, clock);

    public Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken) =>
        current.GetOrAddAsync(name, token => inner.GetAsync(name, token), cancellationToken);

    public Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        versions.GetOrAddAsync((name, version), token => inner.GetVersionAsync(name, version, token), cancellationToken, keep: value => value is not null);

    public async Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var stored = await inner.SetAsync(name, value, cancellationToken);
        current.Set(name, stored);
        versions.Set((name, stored.Version), stored);
        return stored;
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await inner.DeleteAsync(name, cancellationToken);
        current.RemoveWhere(key => key == name);
        versions.RemoveWhere(key => key.Item1 == name);
    }
}
