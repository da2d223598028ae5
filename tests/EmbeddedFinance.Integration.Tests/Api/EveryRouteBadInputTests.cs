using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Functions.Portal;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Metadata;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>
/// Every route of the app, found in the generated function metadata (a new route joins without a line here), gets
/// the same battery of bad requests: no key, a wrong or malformed key, another merchant's key, malformed and hostile
/// bodies, hostile ids, bad paging. (Another merchant's real objects answering 404 is proven per kind: vault,
/// payments, payouts, webhook endpoints.) Each answer must be a 4xx problem+json with a code of the catalogue, never a 500, and no state row
/// may change (the audit trail of refused writes aside).
/// </summary>
public sealed class EveryRouteBadInputTests : HostedTest
{
    private static readonly IReadOnlyList<(string Method, string Route)> Routes =
        FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, FunctionMetadataReader.FileName))
            .Where(function => function.TriggerType == "httpTrigger")
            .SelectMany(function => function.Trigger!["methods"]!.AsArray()
                .Select(method => (method!.GetValue<string>().ToUpperInvariant(), function.Trigger["route"]!.GetValue<string>())))
            // Public documents answer anyone; the token endpoint answers in RFC 6749's error shape (OAuthTokenEndpointTests covers its bad input);
            // the portal's pages are HTML for browsers (PortalSessionTests and PortalBrowserTests cover their bad input).
            .Where(route => !route.Item2.StartsWith("health", StringComparison.Ordinal) && !route.Item2.StartsWith("openapi", StringComparison.Ordinal)
                && !route.Item2.StartsWith(".well-known/", StringComparison.Ordinal) && route.Item2 != "oauth/token" && route.Item2 != PortalFunction.Route
                && route.Item2 != EmbeddedFinance.Functions.Docs.DocsFunction.Route)
            .ToList();

    private static readonly HashSet<string> StableCodes =
    [
        "invalid_request", "parameter_missing", "parameter_invalid", "parameter_unknown", "currency_unsupported", "request_too_large",
        "unsupported_media_type", "unauthenticated", "forbidden", "resource_missing", "idempotency_key_reused", "state_invalid",
        "incorrect_number", "invalid_expiry", "invalid_cvc", "card_declined", "balance_insufficient", "rate_limited", "amount_invalid",
        "api_version_invalid", "account_not_verified",
    ];

    // No NUL: the web server refuses a path holding one (400, no body) before any app code, here as under Functions.
    private static readonly string[] HostileIds = ["pay_00000000000000000000000000", "..%2F..%2Fsecrets", "x' or '1'='1", new string('z', 300), "acct_%C3%B8%E2%80%AE", "evt_%F0%9F%92%A9"];

    private static readonly string[] HostileBodies =
    [
        "{",
        "[]",
        "null",
        "\"text\"",
        """{"unexpected_member":1}""",
        """{"amount":-1,"currency":"usd"}""",
        """{"amount":1e400,"currency":"usd"}""",
        """{"amount":99999999999999999999999,"currency":"usd"}""",
        """{"amount":"100","currency":7}""",
        "{\"url\":\"" + new string('a', 10_000) + "\",\"name\":\"" + new string('b', 10_000) + "\"}",
        "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
        """{"display_name":"A\u0000B","email":"x@example.com","country":"US","default_currency":"usd"}""",
        """{"api_version":"2026-13-45","capture":true,"capture_method":7}""",
        // The key routes: an unknown resource, a level that is not one, an expiry in the past, an overlap out of range.
        """{"name":"Partner","permissions":{"cards":"write"}}""",
        """{"name":"Partner","permissions":{"payments":"admin"}}""",
        """{"name":"Partner","permissions":{"payments":"read"},"expires_at":1000000000}""",
        """{"expire_previous_in_seconds":604801}""",
        // The webhook endpoint routes: a signing scheme, a payload style or a throttle rate that is not one.
        """{"url":"https://example.com/hook","enabled_events":["*"],"signing":"rsa"}""",
        """{"url":"https://example.com/hook","enabled_events":["*"],"payload":"medium","throttle_rate":-1}""",
        """{"throttle_rate":1e400,"payload":null}""",
        // The OAuth client routes: an unknown scope, a thumbprint that is not 64 hex digits.
        """{"name":"Partner","scopes":["cards:read"]}""",
        """{"name":"Partner","scopes":["payments:read"],"certificate_thumbprint":"not-hex"}""",
        // Recovery: no start, a start that is no time, a reversed period. Portal sessions: a lifetime out of range, an option that is not a boolean.
        """{"until":1717171719}""",
        """{"since":-1}""",
        """{"since":1717171719,"until":1717171718}""",
        """{"expires_in_seconds":59}""",
        """{"expires_in_seconds":3601,"embed":"yes"}""",
    ];

    private CreatedMerchant merchant = null!;
    private CreatedMerchant other = null!;

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync("Target Co");
        other = await Host.CreateMerchantAsync("Other Co");
    }

    public static TheoryData<string, string> AllRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, route) in Routes) data.Add(method, route);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Every_bad_request_to_the_route_is_a_4xx_problem_with_a_stable_code_and_changes_no_state(string method, string route)
    {
        var before = await StateAsync();
        var answers = new List<(string What, HttpResponseMessage Response)>();
        var path = RouteWith(route, HostileIds[0]);
        var admin = route.StartsWith("v1/merchants", StringComparison.Ordinal) || route.StartsWith("v1/admin", StringComparison.Ordinal);
        var key = admin ? TestHost.AdminKey : merchant.SecretKey;

        answers.Add(("no key", await SendAsync(method, path, null, "{}")));
        answers.Add(("a wrong key", await SendAsync(method, path, "sk_test_" + new string('x', 40), "{}")));
        answers.Add(("a malformed key", await SendAsync(method, path, "Basic Zm9vOmJhcg==", "{}", rawAuthorization: true)));
        answers.Add(("an unknown EF-Version", await SendAsync(method, path, key, method == "GET" ? null : "{}", version: "1999-01-01")));
        answers.Add(("a malformed EF-Version", await SendAsync(method, path, key, method == "GET" ? null : "{}", version: "latest' or 1=1")));
        if (!admin && route.Contains('{', StringComparison.Ordinal)) answers.Add(("another merchant's key", await SendAsync(method, RouteWith(route, HostileIds[0]), other.SecretKey, "{}")));
        foreach (var id in HostileIds.Skip(1).Where(_ => route.Contains('{', StringComparison.Ordinal)))
        {
            answers.Add(($"the id {id[..Math.Min(id.Length, 20)]}", await SendAsync(method, RouteWith(route, id), key, "{}")));
        }
        if (method != "GET")
        {
            foreach (var body in HostileBodies) answers.Add(($"the body {body[..Math.Min(body.Length, 30)]}", await SendAsync(method, path, key, body)));
            answers.Add(("a non-JSON content type", await SendAsync(method, path, key, "amount=1", contentType: "application/x-www-form-urlencoded")));
            answers.Add(("an empty Idempotency-Key", await SendAsync(method, path, key, "{}", idempotencyKey: "")));
        }
        else
        {
            answers.Add(("a bad limit", await SendAsync(method, path + "?limit=-5", key, null)));
            answers.Add(("a bad cursor", await SendAsync(method, path + "?starting_after=%27%3B--", key, null)));
        }

        foreach (var (what, response) in answers)
        {
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{method} {route} with {what}: {status} {text}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {route} with {what}: {status} {response.Content.Headers.ContentType} {text}");
            using var problem = JsonDocument.Parse(text);
            var code = problem.RootElement.GetProperty("code").GetString()!;
            Assert.True(StableCodes.Contains(code), $"{method} {route} with {what}: unknown code {code}");
            Assert.True(status == problem.RootElement.GetProperty("status").GetInt32(), $"{method} {route} with {what}: status {status} but the problem says {text}");
            Assert.True(response.Headers.TryGetValues("EF-Version", out var versions) && versions.Single().Length == 10, $"{method} {route} with {what}: no EF-Version header");
            if (what.EndsWith("EF-Version", StringComparison.Ordinal)) Assert.True(code == "api_version_invalid", $"{method} {route} with {what}: {code}");
        }
        var after = await StateAsync();
        Assert.True(before == after, $"{method} {route} changed state: {string.Join(" | ", after.Split('\n').Except(before.Split('\n')))}");
    }

    private static string RouteWith(string route, string id) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", Uri.EscapeDataString(Uri.UnescapeDataString(id)));

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? key, string? body, string contentType = "application/json", string? idempotencyKey = null, bool rawAuthorization = false, string? version = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            if (rawAuthorization) request.Headers.TryAddWithoutValidation("Authorization", key);
            else request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (version is not null) request.Headers.TryAddWithoutValidation("EF-Version", version);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return await Host.Client.SendAsync(request);
    }

    /// <summary>Every row of the state and secrets tables with its version: what a request could have changed.</summary>
    private async Task<string> StateAsync()
    {
        var rows = new List<string>();
        foreach (var table in new[] { Host.Storage.StateTable, Host.Storage.SecretsTable })
        {
            await foreach (var entity in Host.Tables.GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }
}
