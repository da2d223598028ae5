using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Onboarding;

public enum LiveAccessStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>The business a merchant asks to go live as.</summary>
public sealed record BusinessDetails(string LegalName, Country Country, string Website, string? Description);

/// <summary>
/// A merchant's request for live mode, kept in its test scope beside its other sandbox objects. The live keys an approval
/// grants are minted when the merchant first reads the approved request (<see cref="KeysRevealedAt"/>), so their plain
/// text is never stored anywhere, not even until the merchant comes to fetch it.
/// </summary>
public sealed record LiveAccessRequest(
    string Id,
    string MerchantId,
    BusinessDetails Business,
    LiveAccessStatus Status,
    DateTimeOffset Created,
    DateTimeOffset? DecidedAt = null,
    string? RejectionReason = null,
    DateTimeOffset? KeysRevealedAt = null,
    string? LiveSecretKeyId = null,
    string? LivePublishableKeyId = null)
{
    public string Scope => MerchantScope.Of(MerchantId, Mode.Test);

    /// <summary>The row's version (ETag) as read: a change is written only over exactly what was read.</summary>
    public string? Version { get; init; }
}
