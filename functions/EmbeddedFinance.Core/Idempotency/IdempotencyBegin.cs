using EmbeddedFinance.Core.Api;


namespace EmbeddedFinance.Core.Idempotency;

/// <summary>What the store found when a request presented its idempotency key.</summary>
public abstract record IdempotencyBegin
{
    /// <summary>First use (or an expired or abandoned record): run the request under this lease.</summary>
    public sealed record Acquired(IdempotencyLease Lease) : IdempotencyBegin;

    /// <summary>Completed earlier with the same request: send this again.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyBegin;

    /// <summary>The first request with this key is still running.</summary>
    public sealed record InFlight : IdempotencyBegin;

    /// <summary>The key was used with a different request.</summary>
    public sealed record Mismatch : IdempotencyBegin;
}
