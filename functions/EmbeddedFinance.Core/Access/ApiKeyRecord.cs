using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>What the platform keeps of an API key: its id, owner, kind and mode, and a SHA-256 of the key.</summary>
public sealed record ApiKeyRecord(string KeyId, string MerchantId, ApiKeyKind Kind, Mode Mode, string Hash, DateTimeOffset Created);
