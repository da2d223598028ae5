using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Risk;

/// <summary>Thresholds of the suspicious-API-use signals (<c>ApiAbuse__…</c>), counted per instance like the rate limits.</summary>
public sealed class ApiAbuseOptions : ISelfValidatingOptions
{
    public const string Section = "ApiAbuse";

    /// <summary>401s from one client address within <see cref="Window"/> that raise <c>failed_authentication_burst</c>.</summary>
    public int FailedAuthenticationBurst { get; set; } = 50;

    /// <summary>Distinct client addresses one credential is used from within <see cref="Window"/> that raise <c>key_address_spread</c>.</summary>
    public int KeyAddressSpread { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A merchant's requests in one minute above this many times its rolling per-minute mean raise <c>volume_jump</c>…</summary>
    public double VolumeJumpFactor { get; set; } = 5;

    /// <summary>…and at least this many (a quiet merchant's first busy minute is no attack).</summary>
    public int VolumeJumpMinimum { get; set; } = 600;

    public string? Problem() =>
        FailedAuthenticationBurst < 1 ? $"{Section}:{nameof(FailedAuthenticationBurst)} must be at least 1."
        : KeyAddressSpread < 2 ? $"{Section}:{nameof(KeyAddressSpread)} must be at least 2."
        : Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(24) ? $"{Section}:{nameof(Window)} must be between 00:00:01 and 24:00:00."
        : VolumeJumpFactor <= 1 ? $"{Section}:{nameof(VolumeJumpFactor)} must be more than 1."
        : VolumeJumpMinimum < 1 ? $"{Section}:{nameof(VolumeJumpMinimum)} must be at least 1."
        : null;
}
