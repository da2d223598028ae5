using System.Security.Cryptography;
using System.Text;
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
        var mac = HMACSHA256.HashData(Convert.FromBase64String(secret.Value.Reveal()), Encoding.UTF8.GetBytes($"{merchantId}:{number.Reveal()}"));
        return Convert.ToBase64String(mac, 0, 12).Replace('+', 'A').Replace('/', 'B');
    }
}
