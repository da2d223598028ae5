using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>Manual redeliveries are bounded per event and endpoint per rolling hour (Webhooks:MaxRedeliveriesPerHour, 5 by default), in storage.</summary>
public sealed class RedeliveryBoundTests : HostedTest
{
    // Nothing listens there: each attempt fails fast, which does not matter to the count.
    private const string DeadUrl = "http://127.0.0.1:9/hooks";
    private CreatedMerchant merchant = null!;
    private WebhookClient webhooks = null!;

    protected override async Task ArrangeAsync()
    {
        merchant = await Host.CreateMerchantAsync();
        webhooks = new WebhookClient(Host, merchant.SecretKey);
    }

    [Fact]
    public async Task The_sixth_redelivery_of_an_event_to_an_endpoint_within_the_hour_is_429_with_Retry_After_and_other_pairs_are_unaffected()
    {
        var first = await webhooks.CreateEndpointAsync(DeadUrl + "/first");
        var second = await webhooks.CreateEndpointAsync(DeadUrl + "/second");
        var payments = new PaymentClient(Host, merchant);
        var eventId = await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Ana"));
        var otherEventId = await webhooks.EventIdAsync("account.created", await payments.AccountAsync("Cy"));

        for (var redelivery = 1; redelivery <= 5; redelivery++)
        {
            await PaymentClient.ExpectAsync(await Redeliver(eventId, first.Id), HttpStatusCode.Accepted);
        }
        var key = Guid.NewGuid().ToString();
        using var sixth = await Redeliver(eventId, first.Id, key);

        await Problem.AssertAsync(sixth, 429, "rate_limited");
        var retryAfter = int.Parse(Assert.Single(sixth.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 3500, 3600);
        // A refusal that passes is not the request's answer: the same key runs again rather than replaying it.
        using var again = await Redeliver(eventId, first.Id, key);
        await Problem.AssertAsync(again, 429, "rate_limited");
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));

        await PaymentClient.ExpectAsync(await Redeliver(eventId, second.Id), HttpStatusCode.Accepted);
        await PaymentClient.ExpectAsync(await Redeliver(otherEventId, first.Id), HttpStatusCode.Accepted);
        // To every subscribed endpoint: the one still within its bound gets the attempt, the other is left out.
        var fanOut = await PaymentClient.ExpectAsync(await webhooks.SendAsync(HttpMethod.Post, $"v1/events/{eventId}/redeliver", new { }), HttpStatusCode.Accepted);
        Assert.Equal([second.Id], fanOut.GetProperty("endpoints").EnumerateArray().Select(id => id.GetString()));
    }

    private Task<HttpResponseMessage> Redeliver(string eventId, string endpointId, string? idempotencyKey = null) =>
        Host.SendAsync(HttpMethod.Post, $"v1/events/{eventId}/redeliver", merchant.SecretKey, new { endpoint = endpointId }, idempotencyKey);
}
