using EmbeddedFinance.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.OAuth;

/// <summary>
/// The access-token signing keys in the secret store (<see cref="SecretNames.OAuthSigningKeys"/>), read through the
/// store's cache. A rotation publishes the next key <see cref="OAuthOptions.SigningKeyPublishDelay"/> before it signs, so
/// no instance meets a token signed by a key it has not read yet.
/// </summary>
public sealed class SigningKeys(ISecretStore secrets, IOptions<OAuthOptions> options, TimeProvider clock, ILogger<SigningKeys> logger)
{
    // Importing the keys (PKCS#8, thumbprints) costs more than checking a token: done once per version of the secret.
    // One reference, so a reader never sees one version's number beside another's keys.
    private Parsed? parsed;

    public async Task<SigningKeySet> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await secrets.GetAsync(SecretNames.OAuthSigningKeys, cancellationToken)
            ?? throw new InvalidOperationException($"The secret '{SecretNames.OAuthSigningKeys}' is not in the secret store; the app creates it at start-up.");
        if (parsed is { } known && known.Version == stored.Version) return known.Set;
        var set = SigningKeySet.Deserialize(stored.Value);
        parsed = new Parsed(stored.Version, set);
        return set;
    }

    /// <summary>
    /// Creates the first key when there is none; it signs at once. Only the platform's own instances read these keys, so
    /// the app may make them itself in every environment (two instances starting for the very first time at once could
    /// each write one; the later write wins, and tokens the other signed in its first minutes are refused until renewed).
    /// </summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await secrets.GetAsync(SecretNames.OAuthSigningKeys, cancellationToken) is not null) return;
        var first = SigningKeySet.Of([SigningKey.Generate(clock.GetUtcNow())]);
        await secrets.SetAsync(SecretNames.OAuthSigningKeys, first.Serialize(), cancellationToken);
        logger.LogInformation("Created the first access-token signing key {Kid}", first.Keys[0].Kid);
    }

    /// <summary>Publishes a new key when the newest is older than <see cref="OAuthOptions.SigningKeyRotation"/>; true when it did.</summary>
    public async Task<bool> RotateIfDueAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current.Keys[0].ActiveFrom > clock.GetUtcNow() - options.Value.SigningKeyRotation) return false;
        await RotateAsync(current, cancellationToken);
        return true;
    }

    /// <summary>Publishes a new key now, to sign after the publish delay (an operator's forced rotation).</summary>
    public async Task RotateAsync(CancellationToken cancellationToken) => await RotateAsync(await CurrentAsync(cancellationToken), cancellationToken);

    private async Task RotateAsync(SigningKeySet current, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var rotated = current.Rotate(now, settings.SigningKeyPublishDelay, OAuthOptions.TokenLifetime + settings.ClockSkew);
        await secrets.SetAsync(SecretNames.OAuthSigningKeys, rotated.Serialize(), cancellationToken);
        var next = rotated.Keys[0];
        logger.LogInformation("Published access-token signing key {Kid}; it signs from {ActiveFrom:O}. Keys kept for verification: {KeyCount} ({Retired} retired)",
            next.Kid, next.ActiveFrom, rotated.Keys.Count, current.Keys.Count + 1 - rotated.Keys.Count);
    }

    private sealed record Parsed(string Version, SigningKeySet Set);
}
