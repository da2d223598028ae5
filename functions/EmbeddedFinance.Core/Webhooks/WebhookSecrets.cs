using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Endpoint signing keys in the secret store, one secret per endpoint whose versions are its rotations: an HMAC
/// endpoint's <c>whsec_</c> + base64 of 32 random bytes, or an ed25519 endpoint's private key (<see cref="Ed25519Signing"/>);
/// and the Standard Webhooks signatures they make.
/// </summary>
public sealed class WebhookSecrets(ISecretStore store)
{
    public const string Prefix = "whsec_";

    public static string NameOf(string endpointId) => SecretNames.WebhookSecretPrefix + endpointId.Replace('_', '-');

    /// <summary>
    /// A new key, stored as the endpoint's current version. <see cref="SigningKey.Secret"/> is what the merchant is shown
    /// of an HMAC endpoint; an ed25519 endpoint's merchant is shown only <see cref="SigningKey.PublicKey"/>.
    /// </summary>
    public async Task<SigningKey> CreateAsync(string endpointId, SigningScheme scheme, CancellationToken cancellationToken)
    {
        var secret = scheme == SigningScheme.Ed25519 ? Ed25519Signing.NewPrivateKey() : new Sensitive(Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var stored = await store.SetAsync(NameOf(endpointId), secret, cancellationToken);
        return new SigningKey(secret, stored.Version, scheme == SigningScheme.Ed25519 ? Ed25519Signing.PublicKeyOf(secret) : null);
    }

    /// <summary>Every version of the endpoint's secret, once the endpoint is gone.</summary>
    public Task DeleteAsync(string endpointId, CancellationToken cancellationToken) => store.DeleteAsync(NameOf(endpointId), cancellationToken);

    /// <summary>
    /// The <c>webhook-signature</c> header, one signature of <c>"{id}.{timestamp}.{body}"</c> per active key, space-separated,
    /// the current key's first: <c>v1,&lt;base64 HMAC-SHA256&gt;</c> or <c>v1a,&lt;base64 ed25519&gt;</c>.
    /// </summary>
    public async Task<string> SignAsync(WebhookEndpoint endpoint, string webhookId, long timestamp, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}");
        var signatures = new List<string>();
        foreach (var version in endpoint.SigningSecretVersions(now))
        {
            var secret = await store.GetVersionAsync(NameOf(endpoint.Id), version, cancellationToken)
                ?? throw new InvalidOperationException($"Signing secret version {version} of endpoint {endpoint.Id} is missing from the secret store.");
            signatures.Add(endpoint.Signing == SigningScheme.Ed25519
                ? Ed25519Signing.Sign(secret.Value, content)
                : "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret.Value), content)));
        }
        return string.Join(' ', signatures);
    }

    private static byte[] KeyOf(Sensitive secret) => Convert.FromBase64String(secret.Reveal()[Prefix.Length..]);
}

/// <param name="PublicKey"><c>whpk_…</c> of an ed25519 key; null for an HMAC secret.</param>
public sealed record SigningKey(Sensitive Secret, string Version, string? PublicKey);
