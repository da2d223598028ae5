using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Versions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// Writes a response itself rather than through MVC formatters, so the bytes are identical under the Functions
/// host and the development host, and a replay sends exactly what was stored.
/// </summary>
public sealed class ApiResponse(StoredResponse response, string requestId, bool replayed = false, string? version = null) : IActionResult
{
    public const string RequestIdHeader = "Request-Id";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public StoredResponse Response { get; } = response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = Response.Status;
        http.Headers[RequestIdHeader] = requestId;
        if (replayed) http.Headers[ReplayedHeader] = "true";
        http.Headers[ApiVersions.Header] = version ?? ApiVersions.Newest;
        if (Response.RetryAfter is { } wait) http.Headers.RetryAfter = Errors.RetryAfterSeconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Response.WwwAuthenticate is { } challenge) http.Headers.WWWAuthenticate = challenge;
        http.Headers.CacheControl = "no-store";
        http.ContentType = Response.ContentType + "; charset=utf-8";
        await http.WriteAsync(Response.Body, context.HttpContext.RequestAborted);
    }
}
