using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Portal;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Portal;

/// <summary>
/// The merchant portal: its static pages, and the sign-in that exchanges a portal session's URL for the cookie. The pages
/// hold no data; their script reads and changes everything through the API (<c>/v1/…</c>) with the cookie as credential.
/// </summary>
public sealed class PortalFunction(
    PortalSessions sessions, AuditTrail audit, ClientAddressLimiter addressLimiter, IOptions<PlatformOptions> platform, TimeProvider clock, ILogger<PortalFunction> logger)
{
    /// <summary>The function's route: every path under <c>portal/</c>. Not an API operation, so not in the OpenAPI document.</summary>
    public const string Route = "portal/{*path}";

    public static StaticSite Site { get; } = new(typeof(PortalFunction).Assembly, "portal/");

    [Function("Portal")]
    public async Task<IActionResult> ServeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string? path)
    {
        // Relative links (style.css, ../v1/…) resolve against a folder: /api/portal must become /api/portal/.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/')) return WebPage.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
        if (path == "sign-in") return await SignInAsync(request);
        return Site.Find(path) is { } asset ? WebPage.Of(asset, request) : WebPage.Notice(404, "Not found", "There is no such page in the portal.");
    }

    private async Task<IActionResult> SignInAsync(HttpRequest request)
    {
        var address = ClientAddress.Of(request.HttpContext);
        if (addressLimiter.BeforeAuthentication(address, presentsKey: true) is not null)
        {
            return WebPage.Notice(429, "Too many attempts", "Too many sign-in attempts from this address. Wait a minute, then open a new portal session URL.");
        }
        var requestId = RequestIds.New(clock);
        var outcome = await sessions.SignInAsync(request.Query["token"].ToString(), request.HttpContext.RequestAborted);
        switch (outcome)
        {
            case PortalSignInOutcome.SignedIn signedIn:
                await AuditAsync(signedIn.Session.Scope, signedIn.Session.SessionId, 303, null, requestId);
                logger.LogInformation("Portal session {SessionId} signed in to {Scope}, request {RequestId}", signedIn.Session.SessionId, signedIn.Session.Scope, requestId);
                return WebPage.Redirect(signedIn.Session.Embedded ? "./?embed=1" : "./",
                    response => PortalCookies.Set(response, signedIn.Session, signedIn.Cookie, secure: !platform.Value.IsDevelopment));
            case PortalSignInOutcome.Expired expired:
                await AuditAsync(expired.Link.Scope, expired.Link.SessionId, 410, "portal_session_expired", requestId);
                return WebPage.Notice(410, "This link has expired", "Portal links work for a few minutes only. Ask for a new one where you found this link.");
            case PortalSignInOutcome.AlreadyUsed used:
                await AuditAsync(used.Link.Scope, used.Link.SessionId, 410, "portal_session_used", requestId);
                return WebPage.Notice(410, "This link was already used", "A portal link signs in once. Ask for a new one where you found this link.");
            default:
                addressLimiter.AfterFailedAuthentication(address);
                return WebPage.Notice(404, "This link is not valid", "Check that the whole link was copied, or ask for a new one.");
        }
    }

    private Task AuditAsync(string scope, string sessionId, int status, string? errorCode, string requestId) =>
        audit.RecordAsync(scope, sessionId, "portal_sessions.sign_in", status, errorCode, replayed: false, requestId);
}
