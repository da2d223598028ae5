using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Endpoint signing secrets (<c>whsec_</c> + base64 of 32 random bytes) in the secret store, one secret per endpoint
/// whose versions are its rotations; and the Standard Webhooks signature they make.
/// </summary>
public sealed class WebhookSecrets(ISecretStore store)
{
    public const string Prefix = "whsec_";

    public static string NameOf(string endpointId) => SecretNames.WebhookSecretPrefix + endpointId.Replace('_', '-');

    /// <summary>A new secret, stored as the endpoint's current version.</summary>
    public async Task<(Sensitive Secret, string Version)> CreateAsync(string endpointId, CancellationToken cancellationToken)
    {
        var secret = new Sensitive(Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var stored = await store.SetAsync(NameOf(endpointId), secret, cancellationToken);
        return (secret, stored.Version);
    }

    /// <summary>Every version of the endpoint's secret, once the endpoint is gone.</summary>
    public Task DeleteAsync(string endpointId, CancellationToken cancellationToken) => store.DeleteAsync(NameOf(endpointId), cancellationToken);

    /// <summary>The <c>webhook-signature</c> header: <c>v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c> per active secret, space-separated.</summary>
    public async Task<string> SignAsync(WebhookEndpoint endpoint, string webhookId, long timestamp, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}");
        var signatures = new List<string>();
        foreach (var version in endpoint.SigningSecretVersions(now))
        {
            var secret = await store.GetVersionAsync(NameOf(endpoint.Id), version, cancellationToken)
                ?? throw new InvalidOperationException($"Signing secret version {version} of endpoint {endpoint.Id} is missing from the secret store.");
            signatures.Add("v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret.Value), content)));
        }
        return string.Join(' ', signatures);
    }

    private static byte[] KeyOf(Sensitive secret) => Convert.FromBase64String(secret.Reveal()[Prefix.Length..]);
}
