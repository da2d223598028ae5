using EmbeddedFinance.Core.Versions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using StandardWebhooks;

namespace EmbeddedFinance.Integration.Tests.Versions;

/// <summary>
/// Dated API versions over the real socket: an integration pinned to 2026-01-01 and one on 2026-12-01 see their own
/// shapes of the same payment, in responses and in webhooks (one endpoint per version, a real receiver).
/// </summary>
public sealed class ApiVersionTests : HostedTest
{
    private const string Old = "2026-01-01";
    private const string New = "2026-12-01";

    private CreatedMerchant merchant = null!;

    protected override bool UsesWebhookReceiver => true;

    protected override async Task ArrangeAsync() => merchant = await Host.CreateMerchantAsync();

    [Fact]
    public async Task An_old_and_a_new_integration_see_their_own_shapes_of_one_payment_in_responses_and_webhooks()
    {
        await Expect(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", TestHost.AdminKey, new { api_version = Old }), HttpStatusCode.OK);
        var oldEndpoint = await Expect(await Send(HttpMethod.Post, "v1/webhook_endpoints", merchant.SecretKey, new { url = Receiver.Url("old"), enabled_events = new[] { "payment.requires_capture", "payment.captured" } }), HttpStatusCode.Created);
        var newEndpoint = await Expect(await Send(HttpMethod.Post, "v1/webhook_endpoints", merchant.SecretKey, new { url = Receiver.Url("new"), enabled_events = new[] { "payment.requires_capture", "payment.captured" }, api_version = New }), HttpStatusCode.Created);
        Assert.Equal(Old, oldEndpoint.GetProperty("api_version").GetString());
        Assert.Equal(New, newEndpoint.GetProperty("api_version").GetString());

        var token = await new PaymentClient(Host, merchant).TokenAsync();
        // The old integration: no header, the merchant's pinned 2026-01-01, the boolean capture in the body.
        using var created = await Send(HttpMethod.Post, "v1/payments", merchant.SecretKey, new { amount = 2_000, currency = "usd", payment_method = token, capture = false }, Guid.NewGuid().ToString());
        Assert.Equal(Old, Version(created));
        var oldShape = await Expect(created, HttpStatusCode.Created);
        Assert.False(oldShape.GetProperty("capture").GetBoolean());
        Assert.False(oldShape.TryGetProperty("capture_method", out _));
        var id = oldShape.GetProperty("id").GetString()!;

        // The new integration reads and captures the same payment.
        using var read = await Send(HttpMethod.Get, $"v1/payments/{id}", merchant.SecretKey, version: New);
        Assert.Equal(New, Version(read));
        var newShape = await Expect(read, HttpStatusCode.OK);
        Assert.Equal("manual", newShape.GetProperty("capture_method").GetString());
        Assert.False(newShape.TryGetProperty("capture", out _));
        var captured = await Expect(await Send(HttpMethod.Post, $"v1/payments/{id}/capture", merchant.SecretKey, new { }, version: New), HttpStatusCode.OK);
        Assert.Equal("manual", captured.GetProperty("capture_method").GetString());

        await Eventually.HoldsAsync(() => Receiver.On("old").Count >= 2 && Receiver.On("new").Count >= 2, "both events at both endpoints");
        foreach (var (path, endpoint, version, label) in new[] { ("old", oldEndpoint, Old, "v1"), ("new", newEndpoint, New, New) })
        {
            var received = Receiver.On(path);
            Assert.Equal(["payment.captured", "payment.requires_capture"], received.Select(webhook => webhook.Type).Order(StringComparer.Ordinal));
            foreach (var webhook in received)
            {
                new StandardWebhook(endpoint.GetProperty("secret").GetString()!).Verify(webhook.Body, webhook.HeaderDictionary);
                Assert.Equal(label, webhook.Json.GetProperty("api_version").GetString());
                var payment = webhook.Json.GetProperty("data").GetProperty("object");
                Assert.Equal(id, payment.GetProperty("id").GetString());
                if (version == Old)
                {
                    Assert.False(payment.GetProperty("capture").GetBoolean());
                    Assert.False(payment.TryGetProperty("capture_method", out _));
                }
                else
                {
                    Assert.Equal("manual", payment.GetProperty("capture_method").GetString());
                    Assert.False(payment.TryGetProperty("capture", out _));
                }
                // The webhook is the event as GET returns it in the endpoint's version, byte for byte.
                using var asGetReturnsIt = await Send(HttpMethod.Get, $"v1/events/{webhook.WebhookId}", merchant.SecretKey, version: version);
                Assert.Equal(webhook.Body, await asGetReturnsIt.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2026-02-30")]
    [InlineData("v1")]
    public async Task An_unknown_or_malformed_version_is_400_api_version_invalid_and_changes_nothing(string version)
    {
        using var response = await Send(HttpMethod.Post, "v1/accounts", merchant.SecretKey,
            new { display_name = "Driver", email = "driver@example.com", country = "US", default_currency = "usd" }, version: version);
        await Problem.AssertAsync(response, 400, "api_version_invalid", "EF-Version");
        Assert.Equal(ApiVersions.Newest, Version(response));
        Assert.Equal(0, await Host.CountRowsAsync("account"));
    }

    [Fact]
    public async Task Every_response_errors_included_carries_its_version()
    {
        using var unauthenticated = await Send(HttpMethod.Get, "v1/payments", null);
        await Problem.AssertAsync(unauthenticated, 401, "unauthenticated");
        Assert.Equal(ApiVersions.Newest, Version(unauthenticated));
        using var missing = await Send(HttpMethod.Get, "v1/payments/pay_missing", merchant.SecretKey, version: Old);
        await Problem.AssertAsync(missing, 404, "resource_missing");
        Assert.Equal(Old, Version(missing));
    }

    [Fact]
    public async Task A_webhook_endpoint_with_an_unknown_api_version_is_refused_naming_the_member()
    {
        using var created = await Send(HttpMethod.Post, "v1/webhook_endpoints", merchant.SecretKey, new { url = Receiver.Url("x"), enabled_events = new[] { "*" }, api_version = "2020-01-01" });
        await Problem.AssertAsync(created, 400, "api_version_invalid", "api_version");
        var endpoint = await Expect(await Send(HttpMethod.Post, "v1/webhook_endpoints", merchant.SecretKey, new { url = Receiver.Url("x"), enabled_events = new[] { "*" } }), HttpStatusCode.Created);
        Assert.Equal(ApiVersions.Newest, endpoint.GetProperty("api_version").GetString());
        var id = endpoint.GetProperty("id").GetString();
        var updated = await Expect(await Send(HttpMethod.Patch, $"v1/webhook_endpoints/{id}", merchant.SecretKey, new { api_version = Old }), HttpStatusCode.OK);
        Assert.Equal(Old, updated.GetProperty("api_version").GetString());
    }

    [Fact]
    public async Task Patch_upgrades_the_merchant_and_the_next_request_without_a_header_gets_the_new_shape()
    {
        var payment = await new PaymentClient(Host, merchant).PayAsync(await new PaymentClient(Host, merchant).TokenAsync());
        var id = payment.GetProperty("id").GetString();
        await Expect(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", TestHost.AdminKey, new { api_version = Old }), HttpStatusCode.OK);

        using var before = await Send(HttpMethod.Get, $"v1/payments/{id}", merchant.SecretKey);
        Assert.Equal(Old, Version(before));
        Assert.True((await Expect(before, HttpStatusCode.OK)).GetProperty("capture").GetBoolean());

        var upgraded = await Expect(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", merchant.SecretKey, new { api_version = New }), HttpStatusCode.OK);
        Assert.Equal(New, upgraded.GetProperty("api_version").GetString());
        Assert.Equal(New, (await Expect(await Send(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.SecretKey), HttpStatusCode.OK)).GetProperty("api_version").GetString());

        using var after = await Send(HttpMethod.Get, $"v1/payments/{id}", merchant.SecretKey);
        Assert.Equal(New, Version(after));
        Assert.Equal("automatic", (await Expect(after, HttpStatusCode.OK)).GetProperty("capture_method").GetString());
    }

    [Fact]
    public async Task Only_the_admin_and_the_merchant_s_own_secret_key_may_pin_its_version()
    {
        var other = await Host.CreateMerchantAsync("Other Co");
        await Problem.AssertAsync(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", other.SecretKey, new { api_version = Old }), 404, "resource_missing");
        await Problem.AssertAsync(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", merchant.PublishableKey, new { api_version = Old }), 403, "forbidden");
        await Problem.AssertAsync(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", merchant.SecretKey, new { api_version = "2026-13-01" }), 400, "api_version_invalid", "api_version");
        await Problem.AssertAsync(await Send(HttpMethod.Patch, $"v1/merchants/{merchant.Id}", merchant.SecretKey, new { }), 400, "parameter_missing", "api_version");
        Assert.Equal(ApiVersions.Newest, (await Expect(await Send(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.SecretKey), HttpStatusCode.OK)).GetProperty("api_version").GetString());
    }

    [Fact]
    public async Task The_versions_are_listed_with_what_each_changed()
    {
        var list = await Expect(await Send(HttpMethod.Get, "v1/api_versions", merchant.SecretKey), HttpStatusCode.OK);
        var versions = list.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([Old, New, ApiVersions.RefundApplicationFee], versions.Select(version => version.GetProperty("id").GetString()));
        Assert.Equal([false, false, true], versions.Select(version => version.GetProperty("newest").GetBoolean()));
        Assert.Contains("capture_method", versions[1].GetProperty("changes").GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(await Send(HttpMethod.Get, "v1/api_versions", merchant.PublishableKey), 403, "forbidden");
    }

    [Fact]
    public async Task A_replay_answers_in_the_version_of_the_first_request_and_another_version_is_a_different_request()
    {
        var token = await new PaymentClient(Host, merchant).TokenAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { amount = 1_000, currency = "usd", payment_method = token, capture = true };
        using var first = await Send(HttpMethod.Post, "v1/payments", merchant.SecretKey, body, key, Old);
        using var replay = await Send(HttpMethod.Post, "v1/payments", merchant.SecretKey, body, key, Old);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(Old, Version(replay));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        using var asNew = await Send(HttpMethod.Post, "v1/payments", merchant.SecretKey, new { amount = 1_000, currency = "usd", payment_method = token, capture_method = "automatic" }, key, New);
        await Problem.AssertAsync(asNew, 422, "idempotency_key_reused");
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? key, object? body = null, string? idempotencyKey = null, string? version = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (version is not null) request.Headers.TryAddWithoutValidation("EF-Version", version);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Host.Client.SendAsync(request);
    }

    private static string Version(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("EF-Version"));

    private static Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status) => PaymentClient.ExpectAsync(response, status);
}
