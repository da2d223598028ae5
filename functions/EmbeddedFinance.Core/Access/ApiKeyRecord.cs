using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// What the platform keeps of an API key: its id, owner, kind and mode, and a SHA-256 of the key (never the key).
/// <see cref="Permissions"/> is set only for restricted keys; <see cref="ExpiresAt"/> when the key was created to
/// expire or has been rolled; <see cref="ReplacedBy"/> names the key a roll replaced it with.
/// </summary>
public sealed record ApiKeyRecord(
    string KeyId,
    string MerchantId,
    ApiKeyKind Kind,
    Mode Mode,
    string Hash,
    DateTimeOffset Created,
    string? Name = null,
    KeyPermissions? Permissions = null,
    DateTimeOffset? ExpiresAt = null,
    string? ReplacedBy = null)
{
    public string Scope => MerchantScope.Of(MerchantId, Mode);

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}
