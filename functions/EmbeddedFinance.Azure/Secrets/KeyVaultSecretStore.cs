using Azure;
using Azure.Security.KeyVault.Secrets;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Azure.Secrets;

/// <summary>Secrets in Azure Key Vault (cached by <see cref="CachingSecretStore"/> in front of it).</summary>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken) => FetchAsync(name, null, cancellationToken);

    public Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) => FetchAsync(name, version, cancellationToken);

    public async Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken)
    {
        var response = await client.SetSecretAsync(name, value.Reveal(), cancellationToken);
        return new SecretValue(name, response.Value.Properties.Version, value);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            // Starts the soft delete; waiting for it to finish would only hold the caller (the secret is unreadable at once).
            await client.StartDeleteSecretAsync(name, cancellationToken);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
        }
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
