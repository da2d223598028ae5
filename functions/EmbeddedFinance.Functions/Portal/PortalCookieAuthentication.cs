using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Portal;
using EmbeddedFinance.Core.Protection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Portal;

/// <summary>
/// The portal's cookie as an API credential, for requests without an <c>Authorization</c> header. A write must also carry
/// the session's CSRF token in <see cref="PortalCookies.CsrfHeader"/> and an <c>Origin</c> of this app: SameSite=Strict
/// already keeps other sites' pages from sending the cookie, and these two refuse a forged request even where a browser
/// does not honour it.
/// </summary>
public sealed class PortalCookieAuthentication(PortalSessions sessions, IOptions<PortalOptions> options)
{
    public async Task<Result<Caller>> AuthenticateAsync(HttpRequest request, string cookie, CancellationToken cancellationToken)
    {
        var signIn = await sessions.FindAsync(cookie, cancellationToken);
        if (signIn is null) return Errors.Unauthenticated("The portal session has expired or is not valid; open a new portal session URL.");
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (!IsOwnOrigin(request)) return Errors.Forbidden("A portal write must come from the portal's own origin (the Origin header).");
            var presented = request.Headers[PortalCookies.CsrfHeader];
            if (presented.Count != 1 || !ConstantTime.AreEqual(signIn.CsrfToken, presented[0])) return Errors.Forbidden($"A portal write must carry the session's {PortalCookies.CsrfHeader} header.");
        }
        return PortalAccess.CallerOf(signIn);
    }

    private bool IsOwnOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count != 1 || !Uri.TryCreate(origin[0], UriKind.Absolute, out var presented)) return false;
        if (string.Equals(presented.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) && presented.Scheme == request.Scheme) return true;
        // Behind a front end the app may see another host or scheme than the browser: the configured public URL is ours too.
        return options.Value.PublicUrl.Length > 0 && Uri.TryCreate(options.Value.PublicUrl, UriKind.Absolute, out var configured)
            && string.Equals(configured.GetLeftPart(UriPartial.Authority), presented.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
