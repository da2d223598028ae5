using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Integration.Tests.Portal;

/// <summary>
/// Another site: a page on 127.0.0.1, opened as <c>http://localhost:…</c> (another site than the portal's 127.0.0.1 for
/// the browser), that makes the visitor's browser POST to the portal's API as soon as it loads, by form and by fetch.
/// </summary>
public sealed class CrossSiteForger : IAsyncDisposable
{
    private readonly WebApplication app;

    private CrossSiteForger(WebApplication app, Uri pageUrl)
    {
        this.app = app;
        PageUrl = pageUrl;
    }

    public Uri PageUrl { get; }

    public static async Task<CrossSiteForger> StartAsync(Uri target, string json)
    {
        // text/plain is a "simple" request: no preflight, so only the cookie's SameSite and the API's checks stand in the way.
        var field = System.Net.WebUtility.HtmlEncode(json[..^1] + ",\"x\":\"");
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Content($$"""
            <!doctype html><html><body>
            <form method="post" action="{{target}}" enctype="text/plain"><input type="hidden" name="{{field}}" value="&quot;}"></form>
            <script>
            fetch({{JsonSerializer.Serialize(target.ToString())}}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: {{JsonSerializer.Serialize(json)}} })
              .finally(() => document.forms[0].submit());
            </script>
            </body></html>
            """, "text/html")));
        return new CrossSiteForger(app, new Uri($"http://localhost:{address.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
