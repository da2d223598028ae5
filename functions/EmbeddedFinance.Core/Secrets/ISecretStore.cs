using EmbeddedFinance.Core.Protection;


namespace EmbeddedFinance.Core.Secrets;

/// <summary>
/// Every secret of the platform (signing secrets, data keys, the admin key) goes through this port:
/// Key Vault in Azure, an encrypted table on Azurite locally.
/// </summary>
public interface ISecretStore
{
    /// <summary>The current version, or null when the secret does not exist.</summary>
    Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>A specific version (so data sealed under a rotated key still opens), or null.</summary>
    Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken);

    /// <summary>Writes a new current version and returns it.</summary>
    Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every version, so nothing can read it again (Key Vault keeps it soft-deleted, recoverable only by an
    /// operator, until purged). A secret that does not exist is already deleted.
    /// </summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
