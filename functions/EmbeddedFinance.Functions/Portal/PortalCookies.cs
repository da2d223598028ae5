using EmbeddedFinance.Core.Portal;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Portal;

/// <summary>
/// The portal's two cookies. <see cref="Session"/> is the credential: HttpOnly (no script reads it), SameSite=Strict (no
/// other site's page sends it), Secure outside development. <see cref="Csrf"/> holds the session's CSRF token for the
/// portal's script to echo in <see cref="CsrfHeader"/>: readable by script, so only a page of this origin can echo it.
/// </summary>
public static class PortalCookies
{
    public const string Session = "ef_portal";
    public const string Csrf = "ef_portal_csrf";
    public const string CsrfHeader = "X-CSRF-Token";

    public static string? SessionOf(HttpRequest request) => request.Cookies.TryGetValue(Session, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Set(HttpResponse response, PortalSignIn signIn, string cookie, bool secure)
    {
        response.Cookies.Append(Session, cookie, Options(signIn, secure, httpOnly: true));
        response.Cookies.Append(Csrf, signIn.CsrfToken, Options(signIn, secure, httpOnly: false));
    }

    private static CookieOptions Options(PortalSignIn signIn, bool secure, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = secure,
        SameSite = SameSiteMode.Strict,
        // The portal's pages and the API routes its script calls share the function app's route prefix.
        Path = "/",
        Expires = signIn.ExpiresAt,
        IsEssential = true,
    };
}
