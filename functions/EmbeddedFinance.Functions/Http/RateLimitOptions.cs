using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// The token bucket each API key draws from (<see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>),
/// and the limits on traffic without a valid key, per client address: a bucket for unauthenticated requests and a
/// bound on failed authentications.
/// </summary>
public sealed class RateLimitOptions : ISelfValidatingOptions
{
    public const string Section = "RateLimits";

    /// <summary>False turns every limit off (the key buckets and the client-address limits).</summary>
    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;

    /// <summary>Refill per second of the bucket each client address draws from for requests without a key (public routes included) or with an unknown one.</summary>
    public int UnauthenticatedPermitsPerSecond { get; set; } = 5;

    /// <summary>How many such requests one client address may make at once.</summary>
    public int UnauthenticatedBurst { get; set; } = 20;

    /// <summary>Failed authentications one client address may have within <see cref="FailedAuthenticationWindow"/>; beyond them its requests presenting a key get 429 without being looked up.</summary>
    public int FailedAuthenticationLimit { get; set; } = 10;

    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);

    public string? Problem() =>
        PermitsPerSecond < 1 ? $"{Section}:{nameof(PermitsPerSecond)} must be at least 1."
        : Burst < 1 ? $"{Section}:{nameof(Burst)} must be at least 1."
        : UnauthenticatedPermitsPerSecond < 1 ? $"{Section}:{nameof(UnauthenticatedPermitsPerSecond)} must be at least 1."
        : UnauthenticatedBurst < 1 ? $"{Section}:{nameof(UnauthenticatedBurst)} must be at least 1."
        : FailedAuthenticationLimit < 1 ? $"{Section}:{nameof(FailedAuthenticationLimit)} must be at least 1."
        : FailedAuthenticationWindow < TimeSpan.FromSeconds(1) || FailedAuthenticationWindow > TimeSpan.FromHours(1)
            ? $"{Section}:{nameof(FailedAuthenticationWindow)} must be between 00:00:01 and 01:00:00."
        : null;
}
