using System.Net;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Api;

public sealed class AuthenticationTests : HostedTest
{
    private CreatedMerchant merchant = null!;
    private CreatedMerchant other = null!;

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync("Ride Co");
        other = await Host.CreateMerchantAsync("Market Co");
    }

    [Fact]
    public async Task The_admin_key_creates_a_merchant_whose_secret_key_then_authenticates()
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.SecretKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(merchant.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("merchant", body.RootElement.GetProperty("object").GetString());
        Assert.False(body.RootElement.TryGetProperty("api_keys", out _), "keys are shown only once, at creation");
        Assert.StartsWith("sk_test_", merchant.SecretKey);
        Assert.StartsWith("pk_test_", merchant.PublishableKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic c2tfdGVzdDo=")]
    [InlineData("Bearer sk_test_not_a_real_key_at_all_000000")]
    [InlineData("Bearer ")]
    public async Task A_missing_malformed_or_unknown_key_is_401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/merchants/{merchant.Id}");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await Host.Client.SendAsync(request);

        await Problem.AssertAsync(response, 401, "unauthenticated");
    }

    [Fact]
    public async Task The_error_for_an_unknown_key_does_not_echo_the_key()
    {
        const string presented = "sk_test_ThisKeyDoesNotExist1234567890ab";
        using var response = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", presented);

        Assert.DoesNotContain(presented, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(presented, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_publishable_key_is_403_outside_tokenization()
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", merchant.PublishableKey);

        await Problem.AssertAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task A_merchant_secret_key_cannot_create_merchants()
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/merchants", merchant.SecretKey,
            new { name = "Sneaky", country = "US", default_currency = "usd" });

        await Problem.AssertAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task Another_merchants_object_is_404_exactly_like_one_that_does_not_exist()
    {
        using var foreign = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{other.Id}", merchant.SecretKey);
        using var missing = await Host.SendAsync(HttpMethod.Get, "v1/merchants/mer_01m88mf7f0ae2pezft6dhfmw52", merchant.SecretKey);

        var foreignProblem = await Problem.AssertAsync(foreign, 404, "resource_missing");
        var missingProblem = await Problem.AssertAsync(missing, 404, "resource_missing");
        Assert.Equal(missingProblem.GetProperty("detail").GetString(), foreignProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_admin_may_read_any_merchant()
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{other.Id}", TestHost.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_openapi_need_no_key_and_every_response_carries_a_request_id()
    {
        using var health = await Host.Client.GetAsync("health");
        using var openApi = await Host.Client.GetAsync("openapi.json");
        using var unauthenticated = await Host.SendAsync(HttpMethod.Get, $"v1/merchants/{merchant.Id}", null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        var ids = new[] { health, openApi, unauthenticated }.Select(response => Assert.Single(response.Headers.GetValues("Request-Id"))).ToList();
        Assert.All(ids, id => Assert.StartsWith("req_", id));
        Assert.Equal(3, ids.Distinct().Count());
    }
}
