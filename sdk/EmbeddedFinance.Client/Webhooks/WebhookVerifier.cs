using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace EmbeddedFinance.Client.Webhooks;

/// <summary>
/// Verifies a webhook delivery per Standard Webhooks and parses its event. Give it every key the endpoint may sign with:
/// <c>whsec_…</c> secrets (signatures <c>v1,</c>: HMAC-SHA256) and <c>whpk_…</c> public keys (signatures <c>v1a,</c>:
/// ed25519). A delivery is genuine when any signature in <c>webhook-signature</c> matches any key, so a rotation's
/// overlap (old and new signature side by side) verifies with either key. The signed content is
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the timestamp must be within <see cref="Tolerance"/> of now, so a
/// captured delivery cannot be replayed later.
/// </summary>
public sealed class WebhookVerifier
{
    private const string SecretPrefix = "whsec_";
    private const string PublicKeyPrefix = "whpk_";

    private readonly IReadOnlyList<byte[]> secrets;
    private readonly IReadOnlyList<Ed25519PublicKeyParameters> publicKeys;
    private readonly TimeProvider clock;

    /// <summary>A verifier for one or more keys (<c>whsec_…</c>, <c>whpk_…</c>), with the default 5-minute tolerance.</summary>
    public WebhookVerifier(params string[] keys)
        : this(keys, null, null)
    {
    }

    /// <summary>A verifier for one or more keys.</summary>
    /// <param name="keys"><c>whsec_</c> + base64 secrets and <c>whpk_</c> + base64 of a raw 32-byte ed25519 public key.</param>
    /// <param name="tolerance">How far <c>webhook-timestamp</c> may be from now, either way (default 5 minutes).</param>
    /// <param name="clock">The time (tests pass a fixed one).</param>
    public WebhookVerifier(IEnumerable<string> keys, TimeSpan? tolerance, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var hmac = new List<byte[]>();
        var ed25519 = new List<Ed25519PublicKeyParameters>();
        foreach (var key in keys)
        {
            if (key.StartsWith(SecretPrefix, StringComparison.Ordinal)) hmac.Add(Decode(key[SecretPrefix.Length..], "whsec_ secret"));
            else if (key.StartsWith(PublicKeyPrefix, StringComparison.Ordinal)) ed25519.Add(PublicKey(key));
            else throw new ArgumentException("A webhook key starts with whsec_ (a signing secret) or whpk_ (an ed25519 public key).", nameof(keys));
        }
        if (hmac.Count + ed25519.Count == 0) throw new ArgumentException("Give at least one key.", nameof(keys));
        secrets = hmac;
        publicKeys = ed25519;
        Tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>How far the timestamp may be from now.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a delivery and parses its event; throws <see cref="WebhookVerificationException"/> when it is not genuine.</summary>
    /// <param name="body">The raw body, exactly as received (never re-serialized JSON).</param>
    /// <param name="header">Reads a request header by name, e.g. <c>name =&gt; Request.Headers[name]</c>.</param>
    public Event Verify(string body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Verify(body, header(WebhookHeaders.Id), header(WebhookHeaders.Timestamp), header(WebhookHeaders.Signature));
    }

    /// <summary>Verifies a delivery from its three headers and parses its event.</summary>
    public Event Verify(string body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
            throw new WebhookVerificationException("Missing webhook-id, webhook-timestamp or webhook-signature.");
        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new WebhookVerificationException("webhook-timestamp is not Unix seconds.");
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        var now = clock.GetUtcNow();
        if (sent < now - Tolerance) throw new WebhookVerificationException("webhook-timestamp is too old.");
        if (sent > now + Tolerance) throw new WebhookVerificationException("webhook-timestamp is too far in the future.");

        var content = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}");
        if (!AnySignatureMatches(webhookSignature, content)) throw new WebhookVerificationException("No signature matches a key of this endpoint.");
        try
        {
            return Event.Parse(body);
        }
        catch (System.Text.Json.JsonException invalid)
        {
            throw new WebhookVerificationException($"The signed body is not an event: {invalid.Message}");
        }
    }

    private bool AnySignatureMatches(string header, byte[] content)
    {
        var matched = false;
        byte[]? hmacs = null;
        foreach (var candidate in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0) continue;
            var version = candidate[..comma];
            if (!TryDecode(candidate[(comma + 1)..], out var signature)) continue;
            if (version == "v1")
            {
                hmacs ??= [.. secrets.SelectMany(secret => HMACSHA256.HashData(secret, content))];
                // Compare against every secret's MAC, each in constant time, and never stop early on a match.
                for (var i = 0; i < secrets.Count; i++)
                {
                    matched |= CryptographicOperations.FixedTimeEquals(hmacs.AsSpan(i * 32, 32), signature);
                }
            }
            else if (version == "v1a" && signature.Length == 64)
            {
                foreach (var key in publicKeys)
                {
                    var verifier = new Ed25519Signer();
                    verifier.Init(false, key);
                    verifier.BlockUpdate(content, 0, content.Length);
                    matched |= verifier.VerifySignature(signature);
                }
            }
            // Other versions are a future scheme this verifier does not know: ignored, as the spec asks.
        }
        return matched;
    }

    private static Ed25519PublicKeyParameters PublicKey(string key)
    {
        var raw = Decode(key[PublicKeyPrefix.Length..], "whpk_ public key");
        if (raw.Length != Ed25519PublicKeyParameters.KeySize) throw new ArgumentException($"A whpk_ key is base64 of a raw {Ed25519PublicKeyParameters.KeySize}-byte ed25519 public key; this one has {raw.Length} bytes.");
        return new Ed25519PublicKeyParameters(raw, 0);
    }

    private static byte[] Decode(string base64, string what) =>
        TryDecode(base64, out var bytes) && bytes.Length > 0 ? bytes : throw new ArgumentException($"The {what} is not base64.");

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
