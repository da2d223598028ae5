using System.Net;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Access;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Webhooks;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>Endpoint management over HTTP: validation, live-mode address rules at creation and at delivery, automatic disabling, the events list.</summary>
public sealed class WebhookEndpointTests : HostedTest
{
    private readonly SteerableResolver resolver = new();
    private CreatedMerchant merchant = null!;
    private PaymentClient payments = null!;
    private WebhookClient webhooks = null!;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:RetrySchedule"] = "00:00:01,00:00:01,00:00:01,00:00:01,00:00:01,00:00:01",
        ["Webhooks:DisableAfter"] = "00:00:02",
        ["Webhooks:MaxEndpointsPerMerchant"] = "3",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IAddressResolver>(resolver);

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync();
        payments = new PaymentClient(Host, merchant);
        webhooks = new WebhookClient(Host, merchant.SecretKey);
    }

    [Fact]
    public async Task An_endpoint_failing_past_the_disable_window_is_disabled_and_the_merchants_other_endpoints_are_told()
    {
        var failing = await webhooks.CreateEndpointAsync(Receiver.Url("failing", Answers.Always(500)), "account.created", "webhook_endpoint.disabled");
        await webhooks.CreateEndpointAsync(Receiver.Url("watching"), "webhook_endpoint.disabled");
        await payments.AccountAsync();

        await Eventually.HoldsAsync(() => Receiver.On("watching").Count >= 1, "webhook_endpoint.disabled delivered");
        var notice = Receiver.On("watching").Single();
        Assert.Equal("webhook_endpoint.disabled", notice.Type);
        Assert.Equal(failing.Id, notice.ObjectId);
        Assert.Equal("disabled", notice.Json.GetProperty("data").GetProperty("object").GetProperty("status").GetString());
        Assert.Equal("disabled", (await webhooks.GetAsync($"v1/webhook_endpoints/{failing.Id}")).GetProperty("status").GetString());
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"Webhook endpoint {failing.Id}", StringComparison.Ordinal) && line.Contains("DISABLED", StringComparison.Ordinal));

        // Disabled, it gets nothing more: neither its remaining retries nor the notice of its own disabling.
        var attemptsWhenDisabled = Receiver.On("failing").Count;
        await Eventually.HoldsAsync(Host.WebhooksIdleAsync, "the pending retry handled and the notice relayed");
        Assert.Equal(attemptsWhenDisabled, Receiver.On("failing").Count);
        Assert.Contains(Host.Logs.Lines, line => line.Contains($"to {failing.Id} dropped: the endpoint is disabled", StringComparison.Ordinal));
        Assert.All(Receiver.On("failing"), webhook => Assert.Equal("account.created", webhook.Type));

        // Re-enabled, it starts a fresh count: the next failure does not disable it at once.
        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{failing.Id}", new { status = "enabled" }), HttpStatusCode.OK);
        await payments.AccountAsync();
        await Eventually.HoldsAsync(() => Receiver.On("failing").Count > attemptsWhenDisabled, "a delivery after re-enabling");
        Assert.Equal("enabled", (await webhooks.GetAsync($"v1/webhook_endpoints/{failing.Id}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://168.63.129.16/")]
    [InlineData("https://10.1.2.3/")]
    [InlineData("https://172.20.0.5/")]
    [InlineData("https://192.168.1.10/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://internal.rebind.test/")]
    [InlineData("https://mixed.rebind.test/")]
    [InlineData("http://hooks.example.test/")]
    public async Task Live_mode_refuses_urls_that_are_not_https_to_public_addresses(string url)
    {
        resolver.Map("internal.rebind.test", "10.0.0.7");
        resolver.Map("mixed.rebind.test", "93.184.216.34", "127.0.0.1");
        resolver.Map("hooks.example.test", "93.184.216.34");
        var live = await LiveKeyAsync();

        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/webhook_endpoints", live, new { url, enabled_events = new[] { "*" } }), 400, "parameter_invalid", "url");
        Assert.Equal(0, await Host.CountRowsAsync("webhook_endpoint"));
    }

    [Fact]
    public async Task Live_mode_checks_the_address_again_at_delivery_so_a_name_rebound_to_loopback_gets_nothing()
    {
        resolver.Map("hooks.example.test", "93.184.216.34");
        var live = await LiveKeyAsync();
        var created = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/webhook_endpoints", live,
            new { url = $"https://hooks.example.test:{Receiver.BaseUrl.Port}/rebound", enabled_events = new[] { "account.created" } }), HttpStatusCode.Created);
        Assert.True(created.GetProperty("livemode").GetBoolean());

        resolver.Map("hooks.example.test", "127.0.0.1");
        var account = await PaymentClient.ExpectAsync(await Host.SendAsync(HttpMethod.Post, "v1/accounts", live,
            new { display_name = "Live driver", email = "driver@example.com", country = "US", default_currency = "usd" }), HttpStatusCode.Created);

        var liveWebhooks = new WebhookClient(Host, live);
        var eventId = await liveWebhooks.EventIdAsync("account.created", account.GetProperty("id").GetString()!);
        await Eventually.HoldsAsync(async () => (await liveWebhooks.AttemptsAsync(eventId)).GetArrayLength() >= 1, "the refused attempt recorded");
        Assert.Equal("address_not_allowed", (await liveWebhooks.AttemptsAsync(eventId))[0].GetProperty("error").GetString());
        Assert.Empty(Receiver.On("rebound"));
    }

    [Fact]
    public async Task Test_mode_accepts_localhost_and_plain_http()
    {
        var endpoint = await webhooks.CreateEndpointAsync("http://localhost:9/dev", "payment.succeeded");
        var read = await webhooks.GetAsync($"v1/webhook_endpoints/{endpoint.Id}");
        Assert.Equal("http://localhost:9/dev", read.GetProperty("url").GetString());
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.False(read.GetProperty("livemode").GetBoolean());
    }

    [Theory]
    [InlineData("""{"enabled_events":["*"]}""", "parameter_missing", "url")]
    [InlineData("""{"url":"","enabled_events":["*"]}""", "parameter_missing", "url")]
    [InlineData("""{"url":"not a url","enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":"/relative","enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":"ftp://example.com/","enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":"https://user:pass@example.com/","enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":"https://example.com/#frag","enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":42,"enabled_events":["*"]}""", "parameter_invalid", "url")]
    [InlineData("""{"url":"https://example.com/"}""", "parameter_missing", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":[]}""", "parameter_invalid", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["payment.exploded"]}""", "parameter_invalid", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*","payment.succeeded"]}""", "parameter_invalid", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":[null]}""", "parameter_invalid", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":"*"}""", "parameter_invalid", "enabled_events")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"secret":"whsec_mine"}""", "parameter_unknown", "secret")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"signing":"rsa-sha256"}""", "parameter_invalid", "signing")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"signing":"ED25519"}""", "parameter_invalid", "signing")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"signing":1}""", "parameter_invalid", "signing")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"payload":"medium"}""", "parameter_invalid", "payload")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"throttle_rate":0}""", "parameter_invalid", "throttle_rate")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"throttle_rate":-3}""", "parameter_invalid", "throttle_rate")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"throttle_rate":1001}""", "parameter_invalid", "throttle_rate")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"throttle_rate":"fast"}""", "parameter_invalid", "throttle_rate")]
    [InlineData("""{"url":"https://example.com/","enabled_events":["*"],"public_key":"whpk_mine"}""", "parameter_unknown", "public_key")]
    public async Task Bad_endpoints_are_refused_with_the_parameter_named_and_nothing_written(string body, string code, string param)
    {
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Post, "v1/webhook_endpoints", merchant.SecretKey, body), 400, code, param);
        Assert.Equal(0, await Host.CountRowsAsync("webhook_endpoint"));
    }

    [Fact]
    public async Task Bad_updates_rotations_and_lookups_are_refused_and_change_nothing()
    {
        var endpoint = await webhooks.CreateEndpointAsync("https://example.com/hook", "payment.succeeded");
        var path = $"v1/webhook_endpoints/{endpoint.Id}";
        var before = await webhooks.GetAsync(path);

        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { }), 400, "invalid_request");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { status = "paused" }), 400, "parameter_invalid", "status");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { url = "gopher://x" }), 400, "parameter_invalid", "url");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { description = new string('x', 501) }), 400, "parameter_invalid", "description");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { throttle_rate = -1 }), 400, "parameter_invalid", "throttle_rate");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { throttle_rate = 0.01 }), 400, "parameter_invalid", "throttle_rate");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { payload = "thick" }), 400, "parameter_invalid", "payload");
        // The signing scheme is chosen once, at creation.
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Patch, path, new { signing = "ed25519" }), 400, "parameter_unknown", "signing");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Post, $"{path}/rotate_secret", new { expire_previous_in_seconds = -1 }), 400, "parameter_invalid", "expire_previous_in_seconds");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Post, $"{path}/rotate_secret", new { expire_previous_in_seconds = 604_801 }), 400, "parameter_invalid", "expire_previous_in_seconds");
        Assert.Equal(before.GetRawText(), (await webhooks.GetAsync(path)).GetRawText());

        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, "v1/webhook_endpoints/we_nope"), 404, "resource_missing");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints/we_nope/rotate_secret", new { }), 404, "resource_missing");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, "v1/events/evt_nope"), 404, "resource_missing");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, "v1/events?type=payment.exploded"), 400, "parameter_invalid", "type");
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, "v1/events?limit=0"), 400, "parameter_invalid", "limit");

        // Another merchant's endpoint does not exist for this one; the publishable key may not manage endpoints.
        var other = await Host.CreateMerchantAsync("Other Co");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, path, other.SecretKey), 404, "resource_missing");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Delete, path, other.SecretKey), 404, "resource_missing");
        await Problem.AssertAsync(await Host.SendAsync(HttpMethod.Get, "v1/webhook_endpoints", merchant.PublishableKey), 403, "forbidden");
        Assert.Equal(before.GetRawText(), (await webhooks.GetAsync(path)).GetRawText());
    }

    [Fact]
    public async Task A_merchant_at_the_endpoint_limit_is_refused_until_it_deletes_one_and_other_merchants_are_not_affected()
    {
        var created = new List<WebhookClient.Endpoint>();
        for (var i = 0; i < 3; i++) created.Add(await webhooks.CreateEndpointAsync($"https://example.com/{i}"));
        var before = await RowsOutsideTheAuditTrailAsync();

        var refused = await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Post, "v1/webhook_endpoints", new { url = "https://example.com/4", enabled_events = new[] { "*" } }), 400, "invalid_request");
        Assert.Contains("at most 3 webhook endpoints in test mode", refused.GetProperty("detail").GetString());
        Assert.Equal(before, await RowsOutsideTheAuditTrailAsync());

        var other = new WebhookClient(Host, (await Host.CreateMerchantAsync("Other Co")).SecretKey);
        await other.CreateEndpointAsync("https://example.com/other");

        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Delete, $"v1/webhook_endpoints/{created[0].Id}"), HttpStatusCode.OK);
        await webhooks.CreateEndpointAsync("https://example.com/4");
        Assert.Equal(4, await Host.CountRowsAsync("webhook_endpoint"));
    }

    private async Task<int> SecretVersionsAsync(string endpointId) =>
        (await Host.DumpTablesAsync()).Count(row => row.Split(' ').Contains($"PartitionKey={WebhookSecrets.NameOf(endpointId)}"));

    /// <summary>Every row of every table but the audit trail's (which records the refusal too): no endpoint, no secret written.</summary>
    private async Task<List<string>> RowsOutsideTheAuditTrailAsync() =>
        (await Host.DumpTablesAsync(auditTrail: false)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Endpoints_are_listed_updated_and_deleted_and_their_secrets_never_stored_or_logged_in_the_clear()
    {
        var first = await webhooks.CreateEndpointAsync("https://example.com/one", "payment.succeeded");
        var second = await webhooks.CreateEndpointAsync("https://example.com/two");

        var updated = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Patch, $"v1/webhook_endpoints/{first.Id}",
            new { url = "https://example.com/uno", enabled_events = new[] { "payout.paid", "payout.failed" }, description = "Payouts" }), HttpStatusCode.OK);
        Assert.Equal("https://example.com/uno", updated.GetProperty("url").GetString());
        Assert.Equal(["payout.paid", "payout.failed"], updated.GetProperty("enabled_events").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal("Payouts", updated.GetProperty("description").GetString());

        var page = await webhooks.GetAsync("v1/webhook_endpoints?limit=1");
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(first.Id, page.GetProperty("data")[0].GetProperty("id").GetString());
        var next = await webhooks.GetAsync($"v1/webhook_endpoints?limit=1&starting_after={first.Id}");
        Assert.Equal(second.Id, next.GetProperty("data")[0].GetProperty("id").GetString());

        await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/webhook_endpoints/{second.Id}/rotate_secret", new { }), HttpStatusCode.OK);
        Assert.Equal(2, await SecretVersionsAsync(second.Id));
        var deleted = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Delete, $"v1/webhook_endpoints/{second.Id}"), HttpStatusCode.OK);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await Problem.AssertAsync(await webhooks.SendAsync(HttpMethod.Get, $"v1/webhook_endpoints/{second.Id}"), 404, "resource_missing");
        // The deleted endpoint's signing secret goes with it, every version; the other endpoint's stays.
        Assert.Equal(0, await SecretVersionsAsync(second.Id));
        Assert.Equal(1, await SecretVersionsAsync(first.Id));

        var rows = await Host.DumpTablesAsync();
        foreach (var secret in new[] { first.Secret, second.Secret })
        {
            Assert.DoesNotContain(rows, row => row.Contains(secret, StringComparison.Ordinal) || row.Contains(secret["whsec_".Length..], StringComparison.Ordinal));
            Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(secret["whsec_".Length..], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Events_are_listed_oldest_first_filtered_by_type_and_paged()
    {
        var drivers = new List<string>();
        for (var i = 0; i < 3; i++) drivers.Add(await payments.AccountAsync($"Driver {i}"));
        await payments.PayAsync(await payments.TokenAsync());

        var accounts = await webhooks.GetAsync("v1/events?type=account.created");
        Assert.Equal(drivers, accounts.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("object").GetProperty("id").GetString()));
        Assert.All(accounts.GetProperty("data").EnumerateArray(), e => Assert.Equal(EmbeddedFinance.Core.Versions.ApiVersions.Newest, e.GetProperty("api_version").GetString()));

        var firstPage = await webhooks.GetAsync("v1/events?limit=2");
        Assert.True(firstPage.GetProperty("has_more").GetBoolean());
        var cursor = firstPage.GetProperty("data")[1].GetProperty("id").GetString();
        var rest = await webhooks.GetAsync($"v1/events?limit=100&starting_after={cursor}");
        var all = firstPage.GetProperty("data").EnumerateArray().Concat(rest.GetProperty("data").EnumerateArray()).Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Contains(rest.GetProperty("data").EnumerateArray(), e => e.GetProperty("type").GetString() == "payment.succeeded");
    }

    /// <summary>A live secret key for the merchant (the API issues test keys only for now), written as the platform stores keys.</summary>
    private async Task<string> LiveKeyAsync()
    {
        var issued = IssuedApiKey.Mint(merchant.Id, ApiKeyKind.Secret, Mode.Live, TimeProvider.System);
        await Host.Tables.GetTableClient(Host.Storage.StateTable).AddEntityAsync(ApiKeyRows.ToEntity(issued.Record));
        return issued.Plaintext.Reveal();
    }
}
