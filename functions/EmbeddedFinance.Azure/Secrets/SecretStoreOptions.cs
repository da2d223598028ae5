namespace EmbeddedFinance.Azure.Secrets;

public sealed class SecretStoreOptions : Core.Common.ISelfValidatingOptions
{
    public const string Section = "Secrets";

    /// <summary>Key Vault URI (https://name.vault.azure.net/). When set, secrets come from Key Vault.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>
    /// The signing vault's URI: the secrets the app writes itself (<see cref="Core.Secrets.SecretNames.WrittenByThePlatform"/>)
    /// go there, so that the app only reads <see cref="KeyVaultUri"/>. Unset: every secret in <see cref="KeyVaultUri"/>.
    /// </summary>
    public Uri? SigningKeyVaultUri { get; set; }

    /// <summary>How long a current secret version is cached (<see cref="Core.Secrets.CachingSecretStore"/>); versions never change.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Base64 256-bit key sealing the local store on Azurite. Defaults to <see cref="LocalSecretStore.DevelopmentMasterKey"/>.
    /// </summary>
    public string? LocalMasterKey { get; set; }

    public string? Problem() =>
        KeyVaultUri is { } vault && (vault.Scheme != Uri.UriSchemeHttps || !vault.IsAbsoluteUri) ? $"{Section}:{nameof(KeyVaultUri)} must be an https URI such as https://name.vault.azure.net/."
        : SigningKeyVaultUri is { } signing && (signing.Scheme != Uri.UriSchemeHttps || !signing.IsAbsoluteUri) ? $"{Section}:{nameof(SigningKeyVaultUri)} must be an https URI such as https://name.vault.azure.net/."
        : SigningKeyVaultUri is not null && KeyVaultUri is null ? $"{Section}:{nameof(SigningKeyVaultUri)} needs {Section}:{nameof(KeyVaultUri)}."
        : CacheTtl < TimeSpan.Zero || CacheTtl > TimeSpan.FromHours(1) ? $"{Section}:{nameof(CacheTtl)} must be between 00:00:00 and 01:00:00."
        : null;
}
