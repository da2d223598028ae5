using System.Net;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmbeddedFinance.Integration.Tests.Settlement;

/// <summary>
/// Property: whatever mix of payments, captures, cancels, refunds and payouts a merchant makes — four at a time,
/// racing — once the host's triggers have settled everything, every ledger transaction balances, no balance
/// drifts from its entries, the books sum to zero, clearing is exactly what the payments say was captured less
/// refunded, and paid-out is exactly what the payouts say was paid. A failing seed is printed to replay it.
/// </summary>
public sealed class LedgerPropertyTests(ITestOutputHelper output) : HostedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payouts:SandboxReportAfter"] = "00:00:00" };

    [Theory]
    [InlineData(11)]
    [InlineData(2024)]
    [InlineData(77_777)]
    public async Task Random_activity_leaves_balanced_books_with_zero_drift(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var client = new PaymentClient(Host, await Host.CreateMerchantAsync());
        var approved = await client.TokenAsync();
        var declined = await client.TokenAsync("4000000000000002");
        var drivers = new List<string>
        {
            await client.AccountAsync("A", PaymentClient.UsBank()),
            await client.AccountAsync("B", PaymentClient.UsBank()),
            await client.AccountAsync("C (closed bank)", PaymentClient.UsBank("000111111113")),
        };
        var payments = new List<string>();

        for (var round = 0; round < 16; round++)
        {
            // Now and then let settlement catch up, so payouts meet available money as well as empty balances.
            if (round % 4 == 3) await Eventually.HoldsAsync(async () => await Host.CountRowsAsync("job") == 0, $"seed {seed}: settled");
            var operations = Enumerable.Range(0, 4).Select(_ => NextOperation(random, client, approved, declined, drivers, payments)).ToList();
            var statuses = await Task.WhenAll(operations.Select(operation => Task.Run(operation)));
            Assert.All(statuses, status => Assert.True(status is 200 or 201 or 400 or 402 or 409, $"seed {seed}: unexpected status {status}"));
        }

        await Eventually.HoldsAsync(async () => await Host.CountRowsAsync("job") == 0 && await Host.CountRowsAsync("outbox") == 0 && !await AnyPayoutOpenAsync(client),
            $"seed {seed}: everything settled and every payout finished", seconds: 40);

        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
        var balances = await Host.Services.GetRequiredService<ILedgerReader>().BalancesAsync(MerchantScope.Of(client.Merchant.Id, Mode.Test), null, CancellationToken.None);
        Assert.Equal(0, balances.Sum(balance => balance.Amount));
        long Of(string account) => balances.Where(balance => balance.Key.Account == account).Sum(balance => balance.Amount);

        var (captured, refunded) = await CapturedAndRefundedAsync(client);
        Assert.Equal(-(captured - refunded), Of(LedgerAccounts.Clearing));
        Assert.Equal(await PaidOutAsync(client), Of(LedgerAccounts.PaidOut));
        Assert.All(drivers, driver =>
        {
            Assert.Equal(0, Of(LedgerAccounts.Pending(driver)));
            Assert.Equal(0, Of(LedgerAccounts.InTransit(driver)));
        });
        output.WriteLine($"captured {captured}, refunded {refunded}, paid out {Of(LedgerAccounts.PaidOut)}, {report.Transactions} transactions");
    }

    private static Func<Task<int>> NextOperation(Random random, PaymentClient client, string approved, string declined, List<string> drivers, List<string> payments)
    {
        // Decide everything now, from the seed, so a run replays; only the racing is left to the scheduler.
        var kind = random.Next(10);
        var amount = random.Next(500, 20_000);
        var fee = random.Next(0, amount / 5);
        var driver = drivers[random.Next(drivers.Count)];
        var other = drivers[random.Next(drivers.Count)];
        var capture = random.Next(3) > 0;
        var card = random.Next(8) == 0 ? declined : approved;
        var pick = random.Next(1_000);
        var partial = random.Next(2) == 0 ? (long?)null : random.Next(1, amount);
        var instant = random.Next(4) == 0;
        string? Pick()
        {
            lock (payments) return payments.Count == 0 ? null : payments[pick % payments.Count];
        }

        return kind switch
        {
            <= 3 => async () =>
            {
                object[] splits = driver == other
                    ? [new { account = driver, amount = amount - fee }]
                    : [new { account = driver, amount = (amount - fee) / 2 }, new { account = other, amount = amount - fee - (amount - fee) / 2 }];
                using var response = await client.CreateAsync(new { amount, currency = "usd", payment_method = card, capture_method = capture ? "automatic" : "manual", application_fee_amount = fee, splits });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                    lock (payments) payments.Add(id);
                }
                return (int)response.StatusCode;
            },
            4 => () => Post(client, Pick(), "capture", partial is null ? new { } : new { amount = partial }),
            5 => () => Post(client, Pick(), "cancel", new { }),
            6 or 7 => () => Post(client, Pick(), "refunds", partial is null ? new { } : new { amount = partial / 3 + 1 }),
            _ => async () =>
            {
                using var response = await client.PostAsync("v1/payouts", new { account = driver, amount = amount / 8, currency = "usd", method = instant ? "instant" : "standard" }, Guid.NewGuid().ToString());
                return (int)response.StatusCode;
            },
        };
    }

    private static async Task<int> Post(PaymentClient client, string? paymentId, string action, object body)
    {
        if (paymentId is null) return 409;
        using var response = await client.PostAsync($"v1/payments/{paymentId}/{action}", body, Guid.NewGuid().ToString());
        return (int)response.StatusCode;
    }

    private static async Task<(long Captured, long Refunded)> CapturedAndRefundedAsync(PaymentClient client)
    {
        long captured = 0, refunded = 0;
        await foreach (var payment in AllAsync(client, "v1/payments"))
        {
            captured += payment.GetProperty("amount_captured").GetInt64();
            refunded += payment.GetProperty("amount_refunded").GetInt64();
        }
        return (captured, refunded);
    }

    private static async Task<long> PaidOutAsync(PaymentClient client)
    {
        long paid = 0;
        await foreach (var payout in AllAsync(client, "v1/payouts"))
        {
            if (payout.GetProperty("status").GetString() == "paid") paid += payout.GetProperty("amount").GetInt64();
        }
        return paid;
    }

    private static async Task<bool> AnyPayoutOpenAsync(PaymentClient client)
    {
        await foreach (var payout in AllAsync(client, "v1/payouts"))
        {
            if (payout.GetProperty("status").GetString() is "pending" or "in_transit") return true;
        }
        return false;
    }

    private static async IAsyncEnumerable<JsonElement> AllAsync(PaymentClient client, string path)
    {
        string? after = null;
        while (true)
        {
            var page = await PaymentClient.ExpectAsync(await client.GetAsync($"{path}?limit=100" + (after is null ? "" : $"&starting_after={after}")), HttpStatusCode.OK);
            JsonElement last = default;
            foreach (var item in page.GetProperty("data").EnumerateArray())
            {
                last = item;
                yield return item;
            }
            if (!page.GetProperty("has_more").GetBoolean()) yield break;
            after = last.GetProperty("id").GetString();
        }
    }
}
