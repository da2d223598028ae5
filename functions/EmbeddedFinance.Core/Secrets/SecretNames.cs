namespace EmbeddedFinance.Core.Secrets;

/// <summary>The names of the platform's secrets (Key Vault secret names: letters, digits and dashes).</summary>
public static class SecretNames
{
    public const string AdminApiKey = "admin-api-key";
    public const string IdempotencyDataKey = "idempotency-data-key";
    public const string RequestFingerprintKey = "request-fingerprint-key";
    public const string CardDataKey = "card-data-key";
    public const string CardFingerprintKey = "card-fingerprint-key";
    public const string BankAccountDataKey = "bank-account-data-key";

    /// <summary>The access-token signing keys (<see cref="OAuth.SigningKeySet"/>): private ECDSA keys with the time each starts signing.</summary>
    public const string OAuthSigningKeys = "oauth-signing-keys";
}
