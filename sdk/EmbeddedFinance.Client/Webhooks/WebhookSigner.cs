using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EmbeddedFinance.Client.Webhooks;

/// <summary>
/// Signs a body as a Standard Webhooks sender does with a <c>whsec_</c> secret (signature <c>v1,</c>): for tests of a
/// receiver, and for tools that forward events (the <c>ef listen</c> command).
/// </summary>
public sealed class WebhookSigner
{
    private readonly byte[] secret;

    /// <summary>A signer for one <c>whsec_</c> + base64 secret.</summary>
    public WebhookSigner(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal)) throw new ArgumentException("A signing secret starts with whsec_.", nameof(secret));
        this.secret = Convert.FromBase64String(secret["whsec_".Length..]);
    }

    /// <summary>A new random secret: <c>whsec_</c> + base64 of 32 bytes.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> value for this delivery: <c>v1,&lt;base64 HMAC-SHA256&gt;</c>.</summary>
    public string Sign(string webhookId, DateTimeOffset timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{body}")));

    /// <summary>The three headers of a delivery.</summary>
    public IReadOnlyDictionary<string, string> Headers(string webhookId, DateTimeOffset timestamp, string body) => new Dictionary<string, string>
    {
        [WebhookHeaders.Id] = webhookId,
        [WebhookHeaders.Timestamp] = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        [WebhookHeaders.Signature] = Sign(webhookId, timestamp, body),
    };
}
