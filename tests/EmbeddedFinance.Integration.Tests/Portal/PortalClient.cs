using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Portal;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Portal;

/// <summary>Portal sessions over the API, and a browser-like client of their URLs: no redirects followed, cookies kept by hand.</summary>
public sealed class PortalClient(TestHost host)
{
    public sealed record Session(string Id, string Url, long ExpiresAt);

    public sealed record SignedIn(string Cookie, string Csrf);

    public async Task<Session> CreateAsync(string secretKey, object? body = null)
    {
        var created = await PaymentClient.ExpectAsync(await host.SendAsync(HttpMethod.Post, "v1/portal_sessions", secretKey, body ?? new { }), HttpStatusCode.Created);
        return new Session(created.GetProperty("id").GetString()!, created.GetProperty("url").GetString()!, created.GetProperty("expires_at").GetInt64());
    }

    /// <summary>Opens a URL as a browser's first request would, without following its redirect.</summary>
    public static async Task<HttpResponseMessage> OpenAsync(string url)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        return await client.GetAsync(url);
    }

    public static SignedIn CookiesOf(HttpResponseMessage signIn)
    {
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        string Value(string name) => cookies.Single(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0][(name.Length + 1)..];
        return new SignedIn(Value("ef_portal"), Value("ef_portal_csrf"));
    }

    /// <summary>An API call with the portal's cookie as the credential, and the CSRF header and Origin a portal page sends on writes.</summary>
    public async Task<HttpResponseMessage> CallAsync(SignedIn session, HttpMethod method, string path, object? body = null, string? csrf = "", string? origin = "")
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Client.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"ef_portal={session.Cookie}; ef_portal_csrf={session.Csrf}");
        if (csrf is not null) request.Headers.Add("X-CSRF-Token", csrf.Length == 0 ? session.Csrf : csrf);
        if (origin is not null) request.Headers.Add("Origin", origin.Length == 0 ? host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) : origin);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>Moves a session URL's expiry into the past, as if its minutes had passed.</summary>
    public async Task ExpireAsync(Session session)
    {
        var token = Uri.UnescapeDataString(new Uri(session.Url).Query.Split("token=")[1]);
        var table = host.Tables.GetTableClient(host.Storage.StateTable);
        var row = (await table.GetEntityAsync<TableEntity>(TablePortalSessionStore.Partition, StateTable.RowKey(PortalLinkEntity.Kind, ApiKeyHash.Of(token)))).Value;
        row["ExpiresAt"] = DateTimeOffset.UtcNow.AddSeconds(-1);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge);
    }
}
