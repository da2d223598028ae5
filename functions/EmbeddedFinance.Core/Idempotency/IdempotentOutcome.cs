using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Idempotency;

/// <summary>The response to send, and whether it is a replay of an earlier one.</summary>
public sealed record IdempotentOutcome(StoredResponse Response, bool Replayed);
