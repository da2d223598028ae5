using System.Text;
using System.Text.Json;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Vault;

/// <summary>
/// AES-256-GCM over the card data under the current card-data key; the key version is kept beside the
/// ciphertext so a rotated key still opens old tokens, and the scope and token id are the associated data so a
/// ciphertext moved to another token or merchant fails to open.
/// </summary>
public sealed class CardSealer(DataKeys keys)
{
    private sealed record Payload(string Number, string? Name);

    public async Task<SealedCard> SealAsync(string scope, string tokenId, CardNumber number, string? name, CancellationToken cancellationToken)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new Payload(number.Reveal(), name));
        try
        {
            var (version, ciphertext) = await keys.SealAsync(SecretNames.CardDataKey, plaintext, AssociatedData(scope, tokenId), cancellationToken);
            return new SealedCard(version, ciphertext);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">The ciphertext was altered or belongs elsewhere.</exception>
    public async Task<(CardNumber Number, string? Name)> OpenAsync(string scope, string tokenId, SealedCard card, CancellationToken cancellationToken)
    {
        var plaintext = await keys.OpenAsync(SecretNames.CardDataKey, card.KeyVersion, card.Ciphertext, AssociatedData(scope, tokenId), cancellationToken);
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(plaintext)!;
            var number = CardNumber.Parse(payload.Number, "card.number");
            return number.IsSuccess
                ? (number.Value!, payload.Name)
                : throw new System.Security.Cryptography.CryptographicException("A sealed card did not hold a valid card number.");
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    private static byte[] AssociatedData(string scope, string tokenId) => Encoding.UTF8.GetBytes($"card|{scope}|{tokenId}");
}
