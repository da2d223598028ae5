using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Access;

/// <summary>
/// How long an instance trusts what it has read about a key. A revoked or rolled-out key stops working on every
/// instance within <see cref="CacheLifetime"/> (at most 60 s, as API.md promises); an unknown key is remembered as
/// unknown for as long, in a small bounded cache, so a stream of one bad key costs one storage read.
/// </summary>
public sealed class ApiKeyOptions : ISelfValidatingOptions
{
    public const string Section = "ApiKeys";

    public static readonly TimeSpan MaxCacheLifetime = TimeSpan.FromSeconds(60);

    public TimeSpan CacheLifetime { get; set; } = MaxCacheLifetime;

    /// <summary>How many unknown keys an instance remembers at once.</summary>
    public int UnknownKeyCapacity { get; set; } = 1_000;

    public string? Problem() =>
        CacheLifetime <= TimeSpan.Zero || CacheLifetime > MaxCacheLifetime ? $"{Section}:{nameof(CacheLifetime)} must be more than 0 and at most 00:01:00."
        : UnknownKeyCapacity < 1 ? $"{Section}:{nameof(UnknownKeyCapacity)} must be at least 1."
        : null;
}
