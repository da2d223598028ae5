using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Secrets;

/// <summary>
/// Start-up check of the secrets the platform cannot run without. On a developer's machine a missing data key
/// is generated into the local store; anywhere else a missing one, or an admin key that is easy to guess, stops the app
/// with the secret's name.
/// </summary>
public sealed class RequiredSecrets(ISecretStore secrets, AdminKeyProvider adminKey, SigningKeys signingKeys, IOptions<PlatformOptions> options, ILogger<RequiredSecrets> logger)
{
    public static IReadOnlyList<string> DataKeyNames { get; } =
        [SecretNames.IdempotencyDataKey, SecretNames.RequestFingerprintKey, SecretNames.CardDataKey, SecretNames.CardFingerprintKey, SecretNames.BankAccountDataKey, SecretNames.IdentityDataKey, SecretNames.AuditChainKey];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var name in DataKeyNames)
        {
            if (await secrets.GetAsync(name, cancellationToken) is not null) continue;
            if (!options.Value.IsDevelopment)
            {
                throw new InvalidOperationException($"The secret '{name}' is not set in the secret store; create it (32 random bytes, base64) before starting.");
            }
            await secrets.SetAsync(name, DataKeys.Generate(), cancellationToken);
            logger.LogInformation("Generated development data key {SecretName} in the local secret store", name);
        }
        await signingKeys.EnsureAsync(cancellationToken);
        await adminKey.EnsureUsableAsync(cancellationToken);
        if (!options.Value.IsDevelopment && AdminKeyStrength.Weakness((await adminKey.GetAsync(cancellationToken)).Reveal()) is { } weakness)
        {
            // Names the secret and the rule it breaks, never the key.
            throw new InvalidOperationException(
                $"The secret '{SecretNames.AdminApiKey}' is too weak: {weakness}. Set a random one, e.g. {AdminKeyProvider.Prefix}$(openssl rand -hex 24).");
        }
    }
}
