using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Portal;

/// <summary>
/// A portal session's sign-in link as stored: found by the SHA-256 of its token (the token itself is only in the URL),
/// exchanged at most once. <see cref="Version"/> is the store's concurrency token, so two exchanges cannot both win.
/// </summary>
public sealed record PortalLink(string TokenHash, string SessionId, string MerchantId, Mode Mode, bool Embedded, DateTimeOffset ExpiresAt, bool Used, string? Version)
{
    public string Scope => Access.MerchantScope.Of(MerchantId, Mode);
}
