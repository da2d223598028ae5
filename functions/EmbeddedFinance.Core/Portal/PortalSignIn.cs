using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Portal;

/// <summary>
/// A signed-in portal session as stored: found by the SHA-256 of the cookie's value. <see cref="CsrfToken"/> is sent by
/// the portal's script in a header on every write (the cookie alone never authorizes one).
/// </summary>
public sealed record PortalSignIn(string CookieHash, string SessionId, string MerchantId, Mode Mode, bool Embedded, DateTimeOffset ExpiresAt, string CsrfToken)
{
    public string Scope => Access.MerchantScope.Of(MerchantId, Mode);
}
