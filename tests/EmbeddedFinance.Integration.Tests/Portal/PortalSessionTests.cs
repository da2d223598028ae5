using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Portal;

/// <summary>
/// Portal sessions over real sockets: the URL signs in once (HttpOnly, SameSite=Strict cookie), expires, and the cookie
/// reaches only its merchant's data, through the same permission checks as a key, with CSRF token and Origin on writes.
/// </summary>
public sealed class PortalSessionTests : HostedTest
{
    private CreatedMerchant merchant = null!;
    private PortalClient portal = null!;

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync();
        portal = new PortalClient(Host);
    }

    [Fact]
    public async Task A_session_url_signs_in_once_with_an_HttpOnly_strict_cookie_then_shows_a_used_page_without_data_and_is_audited()
    {
        var session = await portal.CreateAsync(merchant.SecretKey, new { expires_in_seconds = 120 });
        Assert.StartsWith("ps_", session.Id);
        Assert.StartsWith(Host.Client.BaseAddress + "portal/sign-in?token=pst_test_", session.Url);
        Assert.InRange(session.ExpiresAt - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 100, 121);

        using var signIn = await PortalClient.OpenAsync(session.Url);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("./", signIn.Headers.Location!.OriginalString);
        Assert.Equal("no-referrer", Assert.Single(signIn.Headers.GetValues("Referrer-Policy")));
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), value => value.StartsWith("ef_portal=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.DoesNotContain("secure", cookie); // development; Secure everywhere else
        var signedIn = PortalClient.CookiesOf(signIn);
        await PaymentClient.ExpectAsync(await portal.CallAsync(signedIn, HttpMethod.Get, "v1/payments"), HttpStatusCode.OK);

        using var reused = await PortalClient.OpenAsync(session.Url);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        var page = await reused.Content.ReadAsStringAsync();
        Assert.Contains("already used", page);
        Assert.False(reused.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(merchant.Id, page);
        var audit = string.Join("\n", await Host.DumpTablesAsync(auditTrail: true));
        Assert.Contains("portal_sessions.sign_in", audit);
        Assert.Contains(session.Id, audit);
    }

    [Fact]
    public async Task Two_concurrent_openings_of_one_url_sign_in_exactly_once_and_an_expired_url_signs_in_never()
    {
        var session = await portal.CreateAsync(merchant.SecretKey);
        var openings = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PortalClient.OpenAsync(session.Url)));
        Assert.Single(openings, response => response.StatusCode == HttpStatusCode.SeeOther);
        Assert.Equal(3, openings.Count(response => response.StatusCode == HttpStatusCode.Gone && !response.Headers.Contains("Set-Cookie")));

        var expiring = await portal.CreateAsync(merchant.SecretKey);
        await portal.ExpireAsync(expiring);
        using var expired = await PortalClient.OpenAsync(expiring.Url);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
        Assert.False(expired.Headers.Contains("Set-Cookie"));

        using var madeUp = await PortalClient.OpenAsync(session.Url[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }

    [Fact]
    public async Task The_cookie_reaches_only_its_merchant_and_mode_and_an_embedded_session_only_webhooks()
    {
        var other = await Host.CreateMerchantAsync("Other Co");
        var otherAccount = await new PaymentClient(Host, other).AccountAsync("Theirs");
        var signedIn = PortalClient.CookiesOf(await PortalClient.OpenAsync((await portal.CreateAsync(merchant.SecretKey)).Url));

        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Get, $"v1/accounts/{otherAccount}"), 404, "resource_missing");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Get, $"v1/merchants/{other.Id}"), 403, "forbidden");
        // A portal session is not the merchant's secret key: it cannot open sessions, make keys or move money.
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/portal_sessions", new { }), 403, "forbidden");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/api_keys", new { name = "x", permissions = new { payments = "read" } }), 403, "forbidden");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/accounts", new { display_name = "x", email = "x@example.com", country = "US", default_currency = "usd" }), 403, "forbidden");

        var embedded = PortalClient.CookiesOf(await PortalClient.OpenAsync((await portal.CreateAsync(merchant.SecretKey, new { embed = true })).Url));
        await Problem.AssertAsync(await portal.CallAsync(embedded, HttpMethod.Get, "v1/payments"), 403, "forbidden");
        await PaymentClient.ExpectAsync(await portal.CallAsync(embedded, HttpMethod.Get, "v1/webhook_endpoints"), HttpStatusCode.OK);
        await PaymentClient.ExpectAsync(await portal.CallAsync(embedded, HttpMethod.Get, "v1/events"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_write_with_the_cookie_needs_the_sessions_csrf_token_and_the_apps_own_origin_and_a_refused_one_changes_nothing()
    {
        var signedIn = PortalClient.CookiesOf(await PortalClient.OpenAsync((await portal.CreateAsync(merchant.SecretKey)).Url));
        var endpoint = new { url = "https://example.com/hooks", enabled_events = new[] { "*" } };
        var state = await Host.DumpTablesAsync(auditTrail: false);

        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/webhook_endpoints", endpoint, csrf: null), 403, "forbidden");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/webhook_endpoints", endpoint, csrf: "csrf_test_forged"), 403, "forbidden");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/webhook_endpoints", endpoint, origin: null), 403, "forbidden");
        await Problem.AssertAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/webhook_endpoints", endpoint, origin: "https://evil.example"), 403, "forbidden");
        Assert.Equal(state, await Host.DumpTablesAsync(auditTrail: false));

        await PaymentClient.ExpectAsync(await portal.CallAsync(signedIn, HttpMethod.Post, "v1/webhook_endpoints", endpoint), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_a_secret_key_opens_a_session_and_its_lifetime_is_bounded()
    {
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/portal_sessions", merchant.PublishableKey, new { }), 403, "forbidden");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/portal_sessions", TestHost.AdminKey, new { }), 403, "forbidden");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/portal_sessions", merchant.SecretKey, new { expires_in_seconds = 59 }), 400, "parameter_invalid", "expires_in_seconds");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/portal_sessions", merchant.SecretKey, new { expires_in_seconds = 3601 }), 400, "parameter_invalid", "expires_in_seconds");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/payments", key: null), 401, "unauthenticated");
    }
}
