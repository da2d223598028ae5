using System.Text;
using System.Text.Json;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// AES-256-GCM over an account's <see cref="Individual"/> under the identity data key (the card vault's scheme, ADR 005:
/// key version beside the ciphertext; scope and account id as associated data, so a ciphertext moved elsewhere fails).
/// </summary>
public sealed class IdentitySealer(DataKeys keys)
{
    private sealed record Payload(string? FirstName, string? LastName, DateOnly? Dob, IndividualAddress? Address, string? IdNumberLast4);

    public async Task<SealedIdentity> SealAsync(string scope, string accountId, Individual individual, CancellationToken cancellationToken)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new Payload(individual.FirstName, individual.LastName, individual.Dob, individual.Address, individual.IdNumberLast4));
        try
        {
            var (version, ciphertext) = await keys.SealAsync(SecretNames.IdentityDataKey, plaintext, AssociatedData(scope, accountId), cancellationToken);
            return new SealedIdentity(version, ciphertext);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">The ciphertext was altered or belongs elsewhere.</exception>
    public async Task<Individual> OpenAsync(string scope, string accountId, SealedIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null) return Individual.None;
        var plaintext = await keys.OpenAsync(SecretNames.IdentityDataKey, identity.KeyVersion, identity.Ciphertext, AssociatedData(scope, accountId), cancellationToken);
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(plaintext)!;
            return new Individual(payload.FirstName, payload.LastName, payload.Dob, payload.Address, payload.IdNumberLast4);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    private static byte[] AssociatedData(string scope, string accountId) => Encoding.UTF8.GetBytes($"identity|{scope}|{accountId}");
}
