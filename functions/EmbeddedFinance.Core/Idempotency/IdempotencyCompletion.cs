using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Idempotency;

/// <summary>The final response of a leased request, to be committed with (or instead of) its state change.</summary>
public sealed record IdempotencyCompletion(IdempotencyLease Lease, StoredResponse Response);
