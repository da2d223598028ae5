namespace EmbeddedFinance.Core.Audit;

/// <summary>
/// One audit entry in its partition's chain: its place (1, 2, 3, …), the hash of the entry before it, and its own hash,
/// keyed with the audit chain key at <see cref="KeyVersion"/> (<see cref="AuditChain"/>).
/// </summary>
public sealed record AuditLink(long Sequence, string PreviousHash, string Hash, string KeyVersion, AuditEntry Entry);
