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

    /// <summary>Seals connected accounts' identity (name, date of birth, address, id number): its own key, apart from cards and bank accounts (ADR 026).</summary>
    public const string IdentityDataKey = "identity-data-key";

    /// <summary>The HMAC key of the audit hash chain (<see cref="Audit.AuditChain"/>): read only by the app, like the data keys.</summary>
    public const string AuditChainKey = "audit-chain-key";

    /// <summary>The access-token signing keys (<see cref="OAuth.SigningKeySet"/>): private ECDSA keys with the time each starts signing.</summary>
    public const string OAuthSigningKeys = "oauth-signing-keys";

    /// <summary>Followed by the endpoint id: one secret per webhook endpoint, its versions the rotations.</summary>
    public const string WebhookSecretPrefix = "webhook-secret-";

    /// <summary>
    /// The secrets the platform itself writes (creates, rotates, deletes): in Azure they live in the signing vault, where
    /// the app is Secrets Officer; every other secret is written by a person and only read by the app.
    /// </summary>
    public static bool WrittenByThePlatform(string name) =>
        name == OAuthSigningKeys || name.StartsWith(WebhookSecretPrefix, StringComparison.Ordinal);
}
