using EmbeddedFinance.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Docs;

/// <summary>
/// The developer portal's pages: the API reference (Redoc, vendored in <c>Docs/site</c>, rendering this app's
/// <c>/openapi.json</c>) and the getting-started guide, served from the assembly like the merchant portal's.
/// </summary>
public sealed class DocsFunction
{
    /// <summary>The function's route: every path under <c>docs/</c>. Not an API operation, so not in the OpenAPI document.</summary>
    public const string Route = "docs/{*path}";

    /// <summary>
    /// Redoc injects its styles at run time (styled-components) and parses the document in a worker it starts from a blob:
    /// the portal's policy plus exactly those two. Still nothing from another origin: no CDN, font or image of anyone else's.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    public static StaticSite Site { get; } = new(typeof(DocsFunction).Assembly, "docs/");

    [Function("Docs")]
    public IActionResult Serve([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string? path)
    {
        // Relative links (docs.css, ../openapi.json) resolve against a folder: /api/docs must become /api/docs/.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/')) return WebPage.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
        return Site.Find(path) is { } asset
            ? WebPage.Of(asset, request, ContentSecurityPolicy)
            : WebPage.Notice(404, "Not found", "There is no such page in the documentation.");
    }
}
