using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Risk;

/// <summary>Risk screening settings (<c>Risk__…</c>).</summary>
public sealed class RiskOptions : ISelfValidatingOptions
{
    public const string Section = "Risk";

    /// <summary>False skips screening altogether: payments carry no <c>risk</c> and no counter is touched (the benchmark's "off").</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an instance uses a merchant's rules and amount statistic before reading them again.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    public string? Problem() => CacheLifetime < TimeSpan.Zero || CacheLifetime > TimeSpan.FromMinutes(5)
        ? $"{Section}:{nameof(CacheLifetime)} must be between 00:00:00 and 00:05:00."
        : null;
}
