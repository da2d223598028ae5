using System.Collections.Concurrent;
using System.Text.Json;

namespace EmbeddedFinance.Scenario;

/// <summary>
/// A ride-sharing merchant end to end: three drivers (one whose bank refuses payouts, and who is paid out daily by the
/// payout schedule), a verifying webhook receiver, rides paid by card with the platform's 20 % fee split out (some
/// declined, some refunded, one disputed and lost, one disputed and won), settlement, a payout of every driver's
/// available balance (manual, or the schedule's at midnight), then reconciliation and the webhook count per type.
/// </summary>
public static class MarketplaceScenario
{
    private const string Approved = "4242424242424242";
    private static readonly string[] Declined = ["4000000000000002", "4000000000009995"];

    /// <param name="runMidnight">
    /// Runs the payout schedule's timer as at the next UTC midnight, when the caller can (the test host does); without
    /// it the daily drivers are paid manually like the others, since the real timer would wait for midnight.
    /// </param>
    public static async Task<ScenarioSummary> RunAsync(
        Uri api, string adminKey, int rides, Action<string> log, CancellationToken cancellationToken, Func<CancellationToken, Task>? runMidnight = null)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var client = new ScenarioApi(http);
        await using var receiver = await ScenarioReceiver.StartAsync();

        var merchant = await client.ExpectAsync(HttpMethod.Post, "v1/merchants", adminKey, new { name = "Ride Share Co", country = "US", default_currency = "usd" });
        var key = merchant.GetProperty("api_keys").GetProperty("secret_test").GetString()!;
        var publishable = merchant.GetProperty("api_keys").GetProperty("publishable_test").GetString()!;
        var endpoint = await client.ExpectAsync(HttpMethod.Post, "v1/webhook_endpoints", key, new { url = receiver.Url, enabled_events = new[] { "*" } });
        receiver.Trust(endpoint.GetProperty("secret").GetString()!);
        log($"merchant {merchant.GetProperty("id").GetString()}, webhooks to {receiver.Url}");

        var drivers = new List<(string Name, string Account, bool Daily)>();
        // Ana and Bo (whose rides are disputed) take their payouts by hand; the rest are paid daily by the schedule.
        foreach (var (name, accountNumber, daily) in new[] { ("Ana", "000123456789", false), ("Bo", "000987654321", false), ("Cy", "000555551116", true) })
        {
            var account = await client.ExpectAsync(HttpMethod.Post, "v1/accounts", key, new
            {
                display_name = name, email = $"{name.ToLowerInvariant()}@example.com", country = "US", default_currency = "usd",
                payout_destination = new { type = "bank_account", country = "US", currency = "usd", routing_number = "110000000", account_number = accountNumber },
            });
            var id = account.GetProperty("id").GetString()!;
            if (daily) await client.ExpectAsync(HttpMethod.Patch, $"v1/accounts/{id}", key, new { payout_schedule = new { interval = "daily" } });
            drivers.Add((name, id, daily));
        }

        var tokens = new Dictionary<string, string>();
        foreach (var number in Declined.Append(Approved).Append(ScenarioDisputes.DisputedCard))
        {
            var token = await client.ExpectAsync(HttpMethod.Post, "v1/tokens", publishable, new { card = new { number, exp_month = 12, exp_year = DateTime.UtcNow.Year + 3, cvc = "123" } });
            tokens[number] = token.GetProperty("id").GetString()!;
        }

        var outcomes = new ConcurrentDictionary<string, int>();
        var earned = new ConcurrentDictionary<string, long>();
        var refunded = new ConcurrentDictionary<string, long>();
        var refunds = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, rides), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (ride, _) =>
        {
            var driver = drivers[ride % drivers.Count];
            var card = ride % 10 == 7 ? Declined[ride / 10 % 2] : Approved;
            var fare = 1_000 + (ride * 37 % 2_000);
            var fee = fare / 5;
            var (status, payment) = await client.SendAsync(HttpMethod.Post, "v1/payments", key, new
            {
                amount = fare, currency = "usd", payment_method = tokens[card], application_fee_amount = fee,
                splits = new[] { new { account = driver.Account, amount = fare - fee } }, description = $"ride {ride}",
            });
            var outcome = status == 201 ? payment.GetProperty("status").GetString()! : payment.TryGetProperty("code", out var code) ? code.GetString()! : $"http_{status}";
            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (status != 201) return;
            earned.AddOrUpdate(driver.Account, fare - fee, (_, n) => n + fare - fee);
            if (ride % 7 == 4)
            {
                await client.ExpectAsync(HttpMethod.Post, $"v1/payments/{payment.GetProperty("id").GetString()}/refunds", key, new { amount = fare });
                refunded.AddOrUpdate(driver.Account, fare - fee, (_, n) => n + fare - fee);
                Interlocked.Increment(ref refunds);
            }
        });
        log($"{rides} rides: {string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}"))}, {refunds} refunded");

        // One of Ana's rides is disputed and lost, one of Bo's disputed and won.
        var (disputesWon, disputesLost, disputed) = await ScenarioDisputes.RunAsync(client, key, tokens[ScenarioDisputes.DisputedCard], (drivers[0].Account, drivers[1].Account), log);
        foreach (var (_, account, _) in drivers.Take(2)) earned.AddOrUpdate(account, 1_200, (_, n) => n + 1_200);

        // Settlement moves each driver's share from pending to available; wait for all of it.
        foreach (var (name, account, _) in drivers)
        {
            var expected = earned.GetValueOrDefault(account) - refunded.GetValueOrDefault(account) - disputed.GetValueOrDefault(account);
            var settled = await ScenarioApi.WaitAsync(async () => await AvailableAsync(client, key, account) == expected, TimeSpan.FromSeconds(60));
            if (!settled) log($"{name}: available balance did not reach {expected} within 60 s");
        }

        var payouts = new Dictionary<string, (long Amount, string Id, bool Automatic)>();
        foreach (var (_, account, daily) in drivers)
        {
            if (daily && runMidnight is not null) continue;
            var available = await AvailableAsync(client, key, account);
            if (available <= 0) continue;
            var payout = await client.ExpectAsync(HttpMethod.Post, "v1/payouts", key, new { account, amount = available, currency = "usd", method = "standard" });
            payouts[account] = (available, payout.GetProperty("id").GetString()!, false);
        }
        if (runMidnight is not null)
        {
            await runMidnight(cancellationToken);
            foreach (var (name, account, _) in drivers.Where(driver => driver.Daily))
            {
                var list = await client.ExpectAsync(HttpMethod.Get, $"v1/payouts?account={account}&limit=10", key);
                foreach (var payout in list.GetProperty("data").EnumerateArray().Where(payout => payout.GetProperty("automatic").GetBoolean()))
                {
                    payouts[account] = (payout.GetProperty("amount").GetInt64(), payout.GetProperty("id").GetString()!, true);
                    log($"midnight: the schedule paid {name} {payout.GetProperty("amount").GetInt64()} ({payout.GetProperty("description").GetString()})");
                }
            }
        }
        var statuses = new Dictionary<string, string>();
        await ScenarioApi.WaitAsync(async () =>
        {
            foreach (var (account, (_, id, _)) in payouts)
            {
                statuses[account] = (await client.ExpectAsync(HttpMethod.Get, $"v1/payouts/{id}", key)).GetProperty("status").GetString()!;
            }
            return statuses.Values.All(status => status is "paid" or "failed");
        }, TimeSpan.FromSeconds(60));

        var succeeded = outcomes.GetValueOrDefault("succeeded");
        var expectedWebhooks = new Dictionary<string, int>
        {
            ["account.created"] = drivers.Count,
            ["account.updated"] = drivers.Count(driver => driver.Daily),
            ["payment.succeeded"] = succeeded,
            ["payment.failed"] = rides - succeeded,
            ["payment.refunded"] = refunds,
            ["payout.created"] = payouts.Count,
            ["payout.paid"] = statuses.Values.Count(status => status == "paid"),
            ["payout.failed"] = statuses.Values.Count(status => status == "failed"),
            ["dispute.created"] = disputesWon + disputesLost,
            ["dispute.updated"] = disputesWon + disputesLost,
            ["dispute.closed"] = disputesWon + disputesLost,
        };
        await ScenarioApi.WaitAsync(() => Task.FromResult(expectedWebhooks.All(pair => receiver.CountOf(pair.Key) >= pair.Value)), TimeSpan.FromSeconds(60));

        var reconciliation = await client.ExpectAsync(HttpMethod.Post, "v1/admin/reconciliation", adminKey);
        var summaries = new List<DriverSummary>();
        foreach (var (name, account, _) in drivers)
        {
            var payout = payouts.GetValueOrDefault(account);
            summaries.Add(new DriverSummary(name, account, earned.GetValueOrDefault(account), refunded.GetValueOrDefault(account), disputed.GetValueOrDefault(account),
                await AvailableAsync(client, key, account), payout.Amount, statuses.GetValueOrDefault(account, "none"), payout.Automatic));
        }
        return new ScenarioSummary(
            outcomes.ToDictionary(), refunds, disputesWon, disputesLost, summaries,
            reconciliation.GetProperty("transactions").GetInt32(),
            reconciliation.GetProperty("unbalanced").GetArrayLength(),
            reconciliation.GetProperty("drift").GetArrayLength(),
            receiver.Verified.ToDictionary(pair => pair.Key, pair => pair.Value.Count),
            expectedWebhooks,
            receiver.Rejected);
    }

    private static async Task<long> AvailableAsync(ScenarioApi client, string key, string account)
    {
        var balance = await client.ExpectAsync(HttpMethod.Get, $"v1/accounts/{account}/balance", key);
        return balance.GetProperty("available").EnumerateArray().Where(amount => amount.GetProperty("currency").GetString() == "usd").Sum(amount => amount.GetProperty("amount").GetInt64());
    }
}
