namespace EmbeddedFinance.Core.Api;

/// <summary>An expected failure, carried as a value and rendered as RFC 9457 problem+json.</summary>
/// <param name="Status">The HTTP status it maps to.</param>
/// <param name="Code">The stable machine-readable code of API.md.</param>
/// <param name="Detail">A sentence for a developer; never contains a card number, key or secret.</param>
/// <param name="Param">The request field at fault, in snake_case, where there is one.</param>
public sealed record ApiError(int Status, string Code, string Detail, string? Param = null)
{
    /// <summary>Extra members rendered into the problem document (e.g. the failed payment's id).</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Not the request's answer but a passing condition (a write that lost its optimistic-concurrency retries):
    /// the same request may succeed when retried, so an idempotency key must not seal it.
    /// </summary>
    public bool Transient { get; init; }

    /// <summary>When a retry may succeed, sent as the Retry-After header.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
