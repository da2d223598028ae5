using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;

namespace EmbeddedFinance.Integration.Tests.EndToEnd;

/// <summary>
/// Payments under load while the host process is SIGKILLed three times at random moments and started again on the
/// same storage; then everything drains and the invariants are checked: each accepted payment exists once (retries
/// with the same key recover the ones cut off), each settlement applied once (balances equal the splits, drift 0),
/// every event delivered, nothing poisoned.
/// </summary>
public sealed class CrashTests
{
    private const int Workers = 4;
    private const long Fare = 2_000;
    private const long Fee = 400;

    [Fact]
    public async Task Killing_the_host_mid_load_loses_no_payment_doubles_no_settlement_and_leaves_every_event_delivered()
    {
        var connectionString = await SharedAzurite.ConnectionStringAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new HostProcess(connectionString, new Dictionary<string, string>
        {
            // A request cut off by the kill leaves its key in flight; a retry may take it over after this.
            ["Idempotency__InFlightTimeout"] = "00:00:02",
            ["Webhooks__RetrySchedule"] = "00:00:01,00:00:02,00:00:03,00:00:05",
            // A message a killed host had received comes back when its lease ends: 10 min under Functions (as here by
            // default), shortened so the redelivery happens within the test.
            ["AzureFunctionsJobHost__extensions__queues__MessageLease"] = "00:00:08",
            ["Schedules__SweepOutbox"] = "*/2 * * * * *",
            ["Schedules__SweepSettlement"] = "*/2 * * * * *",
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Api, Timeout = TimeSpan.FromSeconds(10) };

        var merchant = await PostAsync(http, "v1/merchants", TestHost.AdminKey, new { name = "Crash Rides", country = "US", default_currency = "usd" });
        var key = merchant.GetProperty("api_keys").GetProperty("secret_test").GetString()!;
        var token = (await PostAsync(http, "v1/tokens", merchant.GetProperty("api_keys").GetProperty("publishable_test").GetString()!,
            new { card = new { number = "4242424242424242", exp_month = 12, exp_year = DateTime.UtcNow.Year + 2, cvc = "123" } })).GetProperty("id").GetString()!;
        var driver = (await PostAsync(http, "v1/accounts", key, new { display_name = "Driver", email = "d@example.com", country = "US", default_currency = "usd" })).GetProperty("id").GetString()!;
        await PostAsync(http, "v1/webhook_endpoints", key, new { url = receiver.Url("crash"), enabled_events = new[] { "*" } });
        var body = new { amount = Fare, currency = "usd", payment_method = token, application_fee_amount = Fee, splits = new[] { new { account = driver, amount = Fare - Fee } } };

        // Load: every Idempotency-Key used, and the payment id when the answer arrived.
        var answered = new ConcurrentDictionary<string, string>();
        var unanswered = new ConcurrentDictionary<string, byte>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var idempotencyKey = Guid.NewGuid().ToString();
                var id = await TryPayAsync(http, key, body, idempotencyKey);
                if (id is null)
                {
                    unanswered[idempotencyKey] = 0;
                    await Task.Delay(100);
                }
                else
                {
                    answered[idempotencyKey] = id;
                }
            }
        })).ToList();

        for (var kill = 0; kill < 3; kill++)
        {
            await Task.Delay(Random.Shared.Next(1_000, 3_000));
            host.Kill();
            await Task.Delay(300);
            await host.StartAsync();
        }
        // The load goes on against the last host started until it has answered a few payments (as many as there are workers).
        var answeredSoFar = answered.Count;
        await Eventually.HoldsAsync(() => answered.Count >= answeredSoFar + Workers, "payments answered by the restarted host", 30);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // A cut-off request is retried with its key: it either replays what committed or runs now. Never twice.
        foreach (var idempotencyKey in unanswered.Keys)
        {
            string? id = null;
            for (var attempt = 0; attempt < 40 && id is null; attempt++)
            {
                id = await TryPayAsync(http, key, body, idempotencyKey);
                if (id is null) await Task.Delay(250);
            }
            Assert.True(id is not null, $"the retry of key {idempotencyKey} never got an answer");
            answered[idempotencyKey] = id!;
        }
        Assert.True(answered.Count > 10, $"only {answered.Count} payments: the load did not run");
        Assert.Equal(answered.Count, answered.Values.Distinct().Count());

        var listed = await ListAsync(http, key, "v1/payments");
        Assert.Equal(answered.Values.Order(), listed.Select(payment => payment.GetProperty("id").GetString()!).Order());

        // Settlement applied each payment once: the driver's balance is exactly the splits, and the books reconcile.
        var expected = answered.Count * (Fare - Fee);
        long available = 0;
        await Eventually.HoldsAsync(async () => (available = await AvailableAsync(http, key, driver)) == expected, $"driver balance {expected}", 60, () => $"it is {available}");
        var reconciliation = await PostAsync(http, "v1/admin/reconciliation", TestHost.AdminKey, null);
        Assert.Equal(0, reconciliation.GetProperty("unbalanced").GetArrayLength());
        Assert.Equal(0, reconciliation.GetProperty("drift").GetArrayLength());

        // Every event reached the receiver at least once.
        var events = (await ListAsync(http, key, "v1/events")).Select(e => e.GetProperty("id").GetString()!).ToHashSet();
        Assert.True(events.Count >= 2 * answered.Count, $"{events.Count} events for {answered.Count} payments");
        await Eventually.HoldsAsync(() => events.IsSubsetOf(receiver.On("crash").Select(webhook => webhook.WebhookId)),
            "every event delivered", 60, () => $"{events.Except(receiver.On("crash").Select(webhook => webhook.WebhookId)).Count()} missing");

        // Nothing poisoned: a crash may repeat a message, never make one fail for good.
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: host.Prefix))
        {
            if (!queue.Name.EndsWith("-poison", StringComparison.Ordinal)) continue;
            var peeked = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(1);
            Assert.True(peeked.Value.Length == 0, $"{queue.Name} holds a message");
        }
    }

    private static async Task<string?> TryPayAsync(HttpClient http, string key, object body, string idempotencyKey)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payments") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode != 201) return null;
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("id").GetString();
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string key, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient http, string key, string path)
    {
        var all = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?limit=100" + (after is null ? "" : $"&starting_after={after}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var data = page.RootElement.GetProperty("data").EnumerateArray().Select(item => item.Clone()).ToList();
            all.AddRange(data);
            if (!page.RootElement.GetProperty("has_more").GetBoolean() || data.Count == 0) return all;
            after = data[^1].GetProperty("id").GetString();
        }
    }

    private static async Task<long> AvailableAsync(HttpClient http, string key, string account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/accounts/{account}/balance");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        using var balance = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return balance.RootElement.GetProperty("available").EnumerateArray().Sum(amount => amount.GetProperty("amount").GetInt64());
    }
}
