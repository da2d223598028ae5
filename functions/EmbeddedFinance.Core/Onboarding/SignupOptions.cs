using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// The self-service sandbox: which terms a sign-up must accept, and how many sign-ups one client address and the whole
/// platform may make per clock hour. Both caps are counted in storage, so they hold across every instance.
/// </summary>
public sealed class SignupOptions : ISelfValidatingOptions
{
    public const string Section = "Signups";

    /// <summary>False closes the sandbox sign-up: <c>POST /v1/signups</c> answers 403.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The version of the sandbox terms in force; a sign-up must name exactly this one.</summary>
    public string TermsVersion { get; set; } = "2026-12-01";

    public int PerAddressPerHour { get; set; } = 5;

    public int PerHour { get; set; } = 200;

    public string? Problem() =>
        string.IsNullOrWhiteSpace(TermsVersion) || TermsVersion.Length > 32 ? $"{Section}:{nameof(TermsVersion)} must be 1–32 characters."
        : PerAddressPerHour < 1 ? $"{Section}:{nameof(PerAddressPerHour)} must be at least 1."
        : PerHour < PerAddressPerHour ? $"{Section}:{nameof(PerHour)} must be at least {nameof(PerAddressPerHour)}."
        : null;
}
