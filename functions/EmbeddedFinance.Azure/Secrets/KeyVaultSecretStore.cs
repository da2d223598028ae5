using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Secrets;

/// <summary>
/// Secrets in Azure Key Vault. Current versions are cached for a short TTL (Key Vault throttles, and every
/// request needs the admin key); specific versions are immutable and cached for the life of the process.
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient client, IOptions<SecretStoreOptions> options, TimeProvider clock) : ISecretStore
{
    private readonly ConcurrentDictionary<string, (SecretValue? Value, DateTimeOffset Until)> current = new();
    private readonly ConcurrentDictionary<(string, string), SecretValue> versions = new();

    public async Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (current.TryGetValue(name, out var cached) && cached.Until > clock.GetUtcNow()) return cached.Value;
        var value = await FetchAsync(name, null, cancellationToken);
        current[name] = (value, clock.GetUtcNow() + options.Value.CacheTtl);
        return value;
    }

    public async Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((name, version), out var cached)) return cached;
        var value = await FetchAsync(name, version, cancellationToken);
        if (value is not null) versions[(name, version)] = value;
        return value;
    }

    public async Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var response = await client.SetSecretAsync(name, value.Reveal(), cancellationToken);
        var stored = new SecretValue(name, response.Value.Properties.Version, value);
        current[name] = (stored, clock.GetUtcNow() + options.Value.CacheTtl);
        return stored;
    }

    private async Task<SecretValue?> FetchAsync(string name, string? version, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetSecretAsync(name, version, cancellationToken);
            return new SecretValue(name, response.Value.Properties.Version, new Sensitive(response.Value.Value));
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }
}
