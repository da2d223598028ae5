using System.Collections.Concurrent;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Secrets;

/// <summary>
/// Caches any secret store: the current version of a secret for a short TTL (every request needs the admin key,
/// every tokenization the data keys; Key Vault throttles), and specific versions for the life of the process
/// (they never change). A rotation made through this store is visible at once.
/// </summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeSpan ttl, TimeProvider clock) : ISecretStore
{
    private readonly ConcurrentDictionary<string, (SecretValue? Value, DateTimeOffset Until)> current = new();
    private readonly ConcurrentDictionary<(string, string), SecretValue> versions = new();

    public async Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (current.TryGetValue(name, out var cached) && cached.Until > clock.GetUtcNow()) return cached.Value;
        var value = await inner.GetAsync(name, cancellationToken);
        current[name] = (value, clock.GetUtcNow() + ttl);
        return value;
    }

    public async Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((name, version), out var cached)) return cached;
        var value = await inner.GetVersionAsync(name, version, cancellationToken);
        if (value is not null) versions[(name, version)] = value;
        return value;
    }

    public async Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var stored = await inner.SetAsync(name, value, cancellationToken);
        current[name] = (stored, clock.GetUtcNow() + ttl);
        versions[(name, stored.Version)] = stored;
        return stored;
    }
}
