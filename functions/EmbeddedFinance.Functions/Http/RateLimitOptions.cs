using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Functions.Http;

/// <summary>The token bucket each API key draws from: <see cref="Burst"/> requests at once, refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class RateLimitOptions : ISelfValidatingOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = 100;

    public int Burst { get; set; } = 200;

    public string? Problem() =>
        PermitsPerSecond < 1 ? $"{Section}:{nameof(PermitsPerSecond)} must be at least 1."
        : Burst < 1 ? $"{Section}:{nameof(Burst)} must be at least 1."
        : null;
}
