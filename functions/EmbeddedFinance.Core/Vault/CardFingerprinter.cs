using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Vault;

/// <summary>
/// HMAC-SHA256 of the number under the fingerprint secret, keyed by merchant: the same card gives the same
/// fingerprint for one merchant (to spot duplicates) and an unrelated one for every other merchant. The secret
/// must never be rotated, or fingerprints change.
/// </summary>
public sealed class CardFingerprinter(ISecretStore secrets)
{
    public async Task<string> OfAsync(string merchantId, CardNumber number, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(SecretNames.CardFingerprintKey, cancellationToken)
            ?? throw new InvalidOperationException($"The secret '{SecretNames.CardFingerprintKey}' is not in the secret store.");
        // 16 characters (96 bits) is plenty to tell cards apart and short enough to show.
        return Digest.HmacSha256(Convert.FromBase64String(secret.Value.Reveal()), $"{merchantId}:{number.Reveal()}")[..16];
    }
}
