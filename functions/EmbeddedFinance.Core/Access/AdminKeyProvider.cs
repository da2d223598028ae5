using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Access;

/// <summary>The platform operator's key, read from the secret store.</summary>
public sealed class AdminKeyProvider(ISecretStore secrets, IOptions<PlatformOptions> options)
{
    /// <summary>
    /// DEVELOPMENT DEFAULT, like Azurite's well-known account key: documented in the README and refused at
    /// start-up in any environment that is not development.
    /// </summary>
    public const string DevelopmentDefault = "sk_admin_local_dev";

    /// <summary>Every admin key starts with this; merchant keys never do.</summary>
    public const string Prefix = "sk_admin_";

    public async Task<Sensitive> GetAsync(CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(SecretNames.AdminApiKey, cancellationToken);
        if (secret is not null) return secret.Value;
        if (options.Value.IsDevelopment) return new Sensitive(DevelopmentDefault);
        throw new InvalidOperationException($"The secret '{SecretNames.AdminApiKey}' is not set in the secret store.");
    }

    /// <summary>Throws unless the admin key is present and, outside development, is not the development default.</summary>
    public async Task EnsureUsableAsync(CancellationToken cancellationToken)
    {
        var key = await GetAsync(cancellationToken);
        if (!key.Reveal().StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The secret '{SecretNames.AdminApiKey}' must start with '{Prefix}'.");
        }
        if (!options.Value.IsDevelopment && key.Reveal() == DevelopmentDefault)
        {
            throw new InvalidOperationException(
                $"The secret '{SecretNames.AdminApiKey}' holds the development default; set a real admin key before starting outside development.");
        }
    }
}
