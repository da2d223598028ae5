using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EmbeddedFinance.Functions.Web;

/// <summary>
/// A page or asset of a site, written with the headers every one of them carries: a content security policy that runs
/// only this origin's scripts and styles and lets no other site frame it, no MIME sniffing, no referrer (a sign-in URL's
/// token must not leak), and no caching of anything but unchanged assets revalidated by ETag.
/// </summary>
public sealed class WebPage(int status, byte[] content, string contentType) : IActionResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    public string? ETag { get; init; }

    /// <summary>The page's content security policy: <see cref="ContentSecurityPolicy"/> unless a site needs its own.</summary>
    public string Policy { get; init; } = ContentSecurityPolicy;

    public string? Location { get; init; }

    /// <summary>Runs on the response before the body is written (cookies).</summary>
    public Action<HttpResponse>? Prepare { get; init; }

    public static WebPage Of(StaticAsset asset, HttpRequest request, string policy = ContentSecurityPolicy) =>
        request.Headers.IfNoneMatch == asset.ETag
            ? new WebPage(StatusCodes.Status304NotModified, [], asset.ContentType) { ETag = asset.ETag, Policy = policy }
            : new WebPage(StatusCodes.Status200OK, asset.Content, asset.ContentType) { ETag = asset.ETag, Policy = policy };

    /// <summary>A small page of its own (a notice), from fixed text only: nothing of the request is echoed.</summary>
    public static WebPage Notice(int status, string title, string message) => new(status, Encoding.UTF8.GetBytes($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} · EmbeddedFinance</title><link rel="stylesheet" href="style.css"></head>
        <body class="notice"><main><h1>{title}</h1><p>{message}</p></main></body></html>
        """), "text/html; charset=utf-8");

    public static WebPage Redirect(string location, Action<HttpResponse>? prepare = null) =>
        new(StatusCodes.Status303SeeOther, [], "text/plain; charset=utf-8") { Location = location, Prepare = prepare };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers.CacheControl = ETag is null ? "no-store" : "no-cache";
        if (ETag is not null) response.Headers.ETag = ETag;
        if (Location is not null) response.Headers.Location = Location;
        Prepare?.Invoke(response);
        if (content.Length == 0) return;
        response.ContentType = contentType;
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
    }
}
