namespace EmbeddedFinance.Core.Disputes;

/// <summary>Disputes: the platform's dispute fee, the evidence window, and the sandbox's timing.</summary>
public sealed class DisputeOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Disputes";

    /// <summary>The fee the platform is charged per dispute, in minor units of the payment's currency, taken from its <c>fee</c> account.</summary>
    public long Fee { get; set; } = 1_500;

    /// <summary>How long after a sandbox payment with card 4000 0000 0000 0259 is captured its dispute opens.</summary>
    public TimeSpan SandboxAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after evidence is submitted the sandbox decides the dispute.</summary>
    public TimeSpan SandboxDecideAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the merchant has to respond (<c>evidence_due_by</c> = created + this).</summary>
    public TimeSpan EvidenceWindow { get; set; } = TimeSpan.FromDays(7);

    public string? Problem() =>
        Fee is < 0 or > 99_999_999 ? $"{Section}:{nameof(Fee)} must be between 0 and 99999999 minor units."
        : SandboxAfter < TimeSpan.Zero ? $"{Section}:{nameof(SandboxAfter)} must be 0 or more."
        : SandboxDecideAfter < TimeSpan.Zero ? $"{Section}:{nameof(SandboxDecideAfter)} must be 0 or more."
        : EvidenceWindow <= TimeSpan.Zero ? $"{Section}:{nameof(EvidenceWindow)} must be above zero."
        : null;
}
