using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Vault;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>
/// Idempotency-Keys are scoped per merchant, mode and key kind: whoever holds the publishable key (any browser) can
/// neither claim nor probe a key that the merchant's server will use.
/// </summary>
public sealed class IdempotencyKeySpaceTests : HostedTest
{
    [Fact]
    public async Task A_key_used_by_the_publishable_key_leaves_the_same_key_free_for_the_merchants_server()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        using var tokenized = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card("4242424242424242"), "order_123");
        var token = (await PaymentClient.ExpectAsync(tokenized, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        using var payment = await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "order_123");

        Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
        Assert.False(payment.Headers.Contains("Idempotent-Replayed"));
        Assert.StartsWith("pay_", (await PaymentClient.ExpectAsync(payment, HttpStatusCode.Created)).GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publishable_key_cannot_probe_a_key_the_merchants_server_used()
    {
        var merchant = await Host.CreateMerchantAsync();
        var client = new PaymentClient(Host, merchant);
        var token = await client.TokenAsync();
        await PaymentClient.ExpectAsync(await client.CreateAsync(new { amount = 1_000, currency = "usd", payment_method = token }, "order_456"), HttpStatusCode.Created);

        // Same key, another body and path: the server's record would answer 422; the publishable key's space has none.
        using var probe = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card("4242424242424242"), "order_456");

        Assert.Equal(HttpStatusCode.Created, probe.StatusCode);
        Assert.False(probe.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Within_the_publishable_space_a_key_still_replays()
    {
        var merchant = await Host.CreateMerchantAsync();
        using var first = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card("4242424242424242"), "tok_once");
        using var again = await Host.SendAsync(HttpMethod.Post, "v1/tokens", merchant.PublishableKey, SandboxCards.Card("4242424242424242"), "tok_once");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }
}
