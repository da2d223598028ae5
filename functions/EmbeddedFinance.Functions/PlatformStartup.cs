using EmbeddedFinance.Azure.Secrets;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions;

/// <summary>
/// Runs before the app takes traffic: creates missing tables, and refuses to start without the secrets it
/// needs or, outside development, with a development default or without Key Vault.
/// </summary>
public sealed class PlatformStartup(
    StorageProvisioner storage,
    RequiredSecrets secrets,
    IOptions<PlatformOptions> platform,
    IOptions<SecretStoreOptions> secretStore,
    ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!platform.Value.IsDevelopment && secretStore.Value.KeyVaultUri is null)
        {
            throw new InvalidOperationException($"Set '{SecretStoreOptions.Section}:{nameof(SecretStoreOptions.KeyVaultUri)}': outside development, secrets must come from Key Vault.");
        }
        await storage.EnsureAsync(cancellationToken);
        await secrets.EnsureAsync(cancellationToken);
        logger.LogInformation("EmbeddedFinance started ({Environment})", platform.Value.IsDevelopment ? "development" : "production");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
