using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;

namespace EmbeddedFinance.Integration.Tests.Settlement;

/// <summary>The whole chain on the host's own triggers: commit → nudge → relay → settlement queue → balances.</summary>
public sealed class AutomaticSettlementTests : HostedTest
{
    [Fact]
    public async Task A_captured_payment_becomes_available_to_the_driver_without_anyone_asking()
    {
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var driver = await client.AccountAsync();
        await client.PayAsync(await client.TokenAsync(), 4_000, fee: 400, splits: [new { account = driver, amount = 3_600 }]);

        long available = 0;
        var undispatched = -1;
        // Settlement writes payment.settled through the outbox too: done means available and nothing left to relay.
        await Eventually.HoldsAsync(async () =>
        {
            var balance = await PaymentClient.ExpectAsync(await client.GetAsync($"v1/accounts/{driver}/balance"), HttpStatusCode.OK);
            available = balance.GetProperty("available").EnumerateArray().Sum(amount => amount.GetProperty("amount").GetInt64());
            undispatched = await Host.CountRowsAsync("outbox");
            return available == 3_600 && undispatched == 0;
        }, "the split available and the outbox relayed", state: () => $"available {available}, {undispatched} outbox rows");
    }
}
