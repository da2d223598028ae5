using System.Text;
using System.Text.Json;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// AES-256-GCM over a bank account under the bank-account data key (the card vault's scheme: key version kept
/// beside the ciphertext; scope and account id as associated data, so a ciphertext moved elsewhere fails to open).
/// </summary>
public sealed class BankAccountSealer(DataKeys keys)
{
    private sealed record Payload(string Number, string? Routing, string? Holder);

    public async Task<PayoutDestination> SealAsync(string scope, string accountId, BankAccount account, CancellationToken cancellationToken)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new Payload(account.Number, account.RoutingNumber, account.HolderName));
        try
        {
            var (version, ciphertext) = await keys.SealAsync(SecretNames.BankAccountDataKey, plaintext, AssociatedData(scope, accountId), cancellationToken);
            return new PayoutDestination(account.Country, account.Currency, account.Last4, version, ciphertext);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">The ciphertext was altered or belongs elsewhere.</exception>
    public async Task<BankAccount> OpenAsync(string scope, string accountId, PayoutDestination destination, CancellationToken cancellationToken)
    {
        var plaintext = await keys.OpenAsync(SecretNames.BankAccountDataKey, destination.KeyVersion, destination.Ciphertext, AssociatedData(scope, accountId), cancellationToken);
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(plaintext)!;
            return new BankAccount(destination.Country, destination.Currency, payload.Number, payload.Routing, payload.Holder);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    private static byte[] AssociatedData(string scope, string accountId) => Encoding.UTF8.GetBytes($"bank|{scope}|{accountId}");
}
