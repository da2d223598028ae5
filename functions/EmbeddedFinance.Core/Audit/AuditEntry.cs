namespace EmbeddedFinance.Core.Audit;

/// <summary>One authenticated write: who (a key id, never a key), what, the outcome, the request and the time.</summary>
public sealed record AuditEntry(
    string Id,
    string Scope,
    string KeyId,
    string Action,
    int Status,
    string? ErrorCode,
    bool Replayed,
    string RequestId,
    DateTimeOffset At);
