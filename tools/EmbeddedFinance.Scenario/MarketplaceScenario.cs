using System.Collections.Concurrent;
using EmbeddedFinance.Client;

namespace EmbeddedFinance.Scenario;

/// <summary>
/// A ride-sharing merchant end to end: three drivers (one whose bank refuses payouts, and who is paid out daily by the
/// payout schedule), a verifying webhook receiver, rides paid by card with the platform's 20 % fee split out (some
/// declined, some refunded, one disputed and lost, one disputed and won), settlement, a payout of every driver's
/// available balance (manual, or the schedule's at midnight), then reconciliation and the webhook count per type.
/// Written on the SDK, as a merchant would write it: the longest flow the project has proves the SDK too.
/// </summary>
public static class MarketplaceScenario
{
    private static readonly string[] Declined = ["4000000000000002", "4000000000009995"];

    /// <param name="runMidnight">
    /// Runs the payout schedule's timer as at the next UTC midnight, when the caller can (the test host does); without
    /// it the daily drivers are paid manually like the others, since the real timer would wait for midnight.
    /// </param>
    public static async Task<ScenarioSummary> RunAsync(
        Uri api, string adminKey, int rides, Action<string> log, CancellationToken cancellationToken, Func<CancellationToken, Task>? runMidnight = null)
    {
        using var admin = new EmbeddedFinanceClient(new EmbeddedFinanceClientOptions { ApiKey = adminKey, ApiBase = api, Timeout = TimeSpan.FromSeconds(30) });
        await using var receiver = await ScenarioReceiver.StartAsync();

        var merchant = await admin.Merchants.CreateAsync(new CreateMerchantRequest { Name = "Ride Share Co", Country = "US", DefaultCurrency = "usd" }, cancellationToken: cancellationToken);
        using var client = new EmbeddedFinanceClient(new EmbeddedFinanceClientOptions { ApiKey = merchant.ApiKeys!.SecretTest, ApiBase = api, Timeout = TimeSpan.FromSeconds(30) });
        var publishable = new RequestOptions { ApiKey = merchant.ApiKeys.PublishableTest };
        var endpoint = await client.WebhookEndpoints.CreateAsync(new CreateWebhookEndpointRequest { Url = receiver.Url, EnabledEvents = ["*"] }, cancellationToken: cancellationToken);
        receiver.Trust(endpoint.Secret!);
        log($"merchant {merchant.Id}, webhooks to {receiver.Url}");

        var drivers = new List<(string Name, string Account, bool Daily)>();
        // Ana and Bo (whose rides are disputed) take their payouts by hand; the rest are paid daily by the schedule.
        foreach (var (name, accountNumber, daily) in new[] { ("Ana", "000123456789", false), ("Bo", "000987654321", false), ("Cy", "000555551116", true) })
        {
            var account = await client.Accounts.CreateAsync(new CreateAccountRequest
            {
                DisplayName = name, Email = $"{name.ToLowerInvariant()}@example.com", Country = "US", DefaultCurrency = "usd",
                PayoutDestination = new PayoutDestinationInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = accountNumber },
            }, cancellationToken: cancellationToken);
            if (daily) await client.Accounts.UpdateAsync(account.Id, new UpdateAccountRequest { PayoutSchedule = new PayoutSchedule { Interval = "daily" } }, cancellationToken: cancellationToken);
            drivers.Add((name, account.Id, daily));
        }
        // Identity (KYC): Ana verifies at once; Bo's date of birth is held for the operator's review (verified late);
        // Cy's id number fails (id_number_mismatch) and is corrected before the payouts. Earnings accrue meanwhile.
        var identityUpdates = 0;
        foreach (var ((name, account, _), last4, dob) in drivers.Zip(new[] { ("0000", 1990), ("0000", 1900), (FailingLast4, 1991) }).Select(pair => (pair.First, pair.Second.Item1, pair.Second.Item2)))
        {
            await client.Accounts.UpdateAsync(account, new UpdateAccountRequest { Individual = Identity(name, last4, dob) }, cancellationToken: cancellationToken);
            identityUpdates++;
        }
        var firstVerdicts = new Dictionary<string, string>();
        foreach (var (name, account, _) in drivers)
        {
            await Poll.UntilAsync(async () => (await client.Accounts.GetAsync(account, cancellationToken: cancellationToken)).Individual?.VerificationStatus != "pending", TimeSpan.FromSeconds(60));
            firstVerdicts[name] = (await client.Accounts.GetAsync(account, cancellationToken: cancellationToken)).Individual?.VerificationStatus ?? "unknown";
        }
        log($"identity: {string.Join(", ", firstVerdicts.Select(pair => $"{pair.Key} {pair.Value}"))}");

        var tokens = new Dictionary<string, string>();
        foreach (var number in Declined.Concat(Enumerable.Range(0, RiderCards.Riders).Select(RiderCards.For)).Append(ScenarioDisputes.DisputedCard))
        {
            var token = await client.Tokens.CreateAsync(new CreateTokenRequest { Card = new CardInput { Number = number, ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 3, Cvc = "123" } }, publishable, cancellationToken);
            tokens[number] = token.Id;
        }

        var outcomes = new ConcurrentDictionary<string, int>();
        var earned = new ConcurrentDictionary<string, long>();
        var refunded = new ConcurrentDictionary<string, long>();
        var refunds = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, rides), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (ride, _) =>
        {
            var driver = drivers[ride % drivers.Count];
            var card = ride % 10 == 7 ? Declined[ride / 10 % 2] : RiderCards.For(ride);
            var fare = 1_000 + (ride * 37 % 2_000);
            var fee = fare / 5;
            Payment payment;
            try
            {
                payment = await client.Payments.CreateAsync(new CreatePaymentRequest
                {
                    Amount = fare, Currency = "usd", PaymentMethod = tokens[card], ApplicationFeeAmount = fee,
                    Splits = [new Split { Account = driver.Account, Amount = fare - fee }], Description = $"ride {ride}",
                });
            }
            catch (ApiException declined)
            {
                outcomes.AddOrUpdate(declined.Code ?? $"http_{(int)declined.StatusCode}", 1, (_, n) => n + 1);
                return;
            }
            outcomes.AddOrUpdate(payment.Status, 1, (_, n) => n + 1);
            earned.AddOrUpdate(driver.Account, fare - fee, (_, n) => n + fare - fee);
            if (ride % 7 == 4)
            {
                await client.Payments.RefundAsync(payment.Id, new RefundPaymentRequest { Amount = fare });
                refunded.AddOrUpdate(driver.Account, fare - fee, (_, n) => n + fare - fee);
                Interlocked.Increment(ref refunds);
            }
        });
        log($"{rides} rides: {string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}"))}, {refunds} refunded");

        // One of Ana's rides is disputed and lost, one of Bo's disputed and won.
        var (disputesWon, disputesLost, disputed) = await ScenarioDisputes.RunAsync(client, tokens[ScenarioDisputes.DisputedCard], (drivers[0].Account, drivers[1].Account), log);
        foreach (var (_, account, _) in drivers.Take(2)) earned.AddOrUpdate(account, 1_200, (_, n) => n + 1_200);

        // Settlement moves each driver's share from pending to available; wait for all of it.
        foreach (var (name, account, _) in drivers)
        {
            var expected = earned.GetValueOrDefault(account) - refunded.GetValueOrDefault(account) - disputed.GetValueOrDefault(account);
            var settled = await Poll.UntilAsync(async () => await AvailableAsync(client, account) == expected, TimeSpan.FromSeconds(60));
            if (!settled) log($"{name}: available balance did not reach {expected} within 60 s");
        }

        // Late verification: the operator clears Bo's review; Cy supplies the right id number.
        await admin.Admin.VerifyAccountAsync(drivers[1].Account, cancellationToken: cancellationToken);
        await client.Accounts.UpdateAsync(drivers[2].Account, new UpdateAccountRequest { Individual = new IndividualInput { IdNumberLast4 = "0000" } }, cancellationToken: cancellationToken);
        identityUpdates++;
        foreach (var (name, account, _) in drivers)
        {
            var verified = await Poll.UntilAsync(async () => (await client.Accounts.GetAsync(account, cancellationToken: cancellationToken)).PayoutsEnabled, TimeSpan.FromSeconds(60));
            if (!verified) log($"{name}: payouts not enabled within 60 s");
        }
        log($"identity: every driver verified ({drivers[1].Name} after review, {drivers[2].Name} after a corrected id number)");

        var payouts = new Dictionary<string, (long Amount, string Id, bool Automatic)>();
        foreach (var (_, account, daily) in drivers)
        {
            if (daily && runMidnight is not null) continue;
            var available = await AvailableAsync(client, account);
            if (available <= 0) continue;
            var payout = await client.Payouts.CreateAsync(new CreatePayoutRequest { Account = account, Amount = available, Currency = "usd", Method = "standard" }, cancellationToken: cancellationToken);
            payouts[account] = (available, payout.Id, false);
        }
        if (runMidnight is not null)
        {
            await runMidnight(cancellationToken);
            foreach (var (name, account, _) in drivers.Where(driver => driver.Daily))
            {
                await foreach (var payout in client.Payouts.ListAllAsync(new ListOptions { Limit = 10 }, account, cancellationToken: cancellationToken))
                {
                    if (!payout.Automatic) continue;
                    payouts[account] = (payout.Amount, payout.Id, true);
                    log($"midnight: the schedule paid {name} {payout.Amount} ({payout.Description})");
                }
            }
        }
        var statuses = new Dictionary<string, string>();
        await Poll.UntilAsync(async () =>
        {
            foreach (var (account, (_, id, _)) in payouts)
            {
                statuses[account] = (await client.Payouts.GetAsync(id, cancellationToken: cancellationToken)).Status;
            }
            return statuses.Values.All(status => status is "paid" or "failed");
        }, TimeSpan.FromSeconds(60));

        var succeeded = outcomes.GetValueOrDefault("succeeded");
        var expectedWebhooks = new Dictionary<string, int>
        {
            ["account.created"] = drivers.Count,
            // Each schedule and identity change, and each verdict (the first three, Cy's second, Bo's review).
            ["account.updated"] = drivers.Count(driver => driver.Daily) + identityUpdates + drivers.Count + 2,
            ["account.verified"] = drivers.Count,
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
        await Poll.UntilAsync(() => Task.FromResult(expectedWebhooks.All(pair => receiver.CountOf(pair.Key) >= pair.Value)), TimeSpan.FromSeconds(60));

        var reconciliation = await admin.Admin.ReconcileAsync(cancellationToken: cancellationToken);
        var summaries = new List<DriverSummary>();
        foreach (var (name, account, _) in drivers)
        {
            var payout = payouts.GetValueOrDefault(account);
            summaries.Add(new DriverSummary(name, account, earned.GetValueOrDefault(account), refunded.GetValueOrDefault(account), disputed.GetValueOrDefault(account),
                await AvailableAsync(client, account), payout.Amount, statuses.GetValueOrDefault(account, "none"), payout.Automatic));
        }
        return new ScenarioSummary(
            outcomes.ToDictionary(), refunds, disputesWon, disputesLost, summaries,
            reconciliation.Transactions,
            reconciliation.Unbalanced.Count,
            reconciliation.Drift.Count,
            receiver.Verified.ToDictionary(pair => pair.Key, pair => pair.Value.Count),
            expectedWebhooks,
            receiver.Rejected);
    }

    private const string FailingLast4 = "1111";

    /// <summary>A sandbox identity: <c>1111</c> fails verification, a 1900 birth year is held for manual review.</summary>
    private static IndividualInput Identity(string name, string last4, int birthYear) => new()
    {
        FirstName = name,
        LastName = "Driver",
        Dob = new DateOfBirth { Day = 1, Month = 1, Year = birthYear },
        Address = new AddressInput { Line1 = "1 Main Street", City = "Springfield", State = "IL", PostalCode = "62701" },
        IdNumberLast4 = last4,
    };

    private static async Task<long> AvailableAsync(EmbeddedFinanceClient client, string account) =>
        (await client.Accounts.GetBalanceAsync(account)).Available.Where(amount => amount.Currency == "usd").Sum(amount => amount.Amount);
}
