using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Integration.Tests.Payments;
using EmbeddedFinance.Integration.Tests.Webhooks;
using EmbeddedFinance.LocalHost.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Storage;

/// <summary>
/// Invariant 9 for storage: while it does not answer, every request gives up within the configured bound with 503
/// service_unavailable and Retry-After (never 500, never a hang); afterwards payments succeed again, a cut-off request
/// retried with its Idempotency-Key succeeds, every payment exists exactly once, is settled exactly once and has its
/// webhook delivered, the ledger reconciles and no message is poisoned. Azurite is this class's own and is frozen with
/// SIGSTOP (the shared one serves other tests).
/// </summary>
public sealed class StorageOutageTests : HostedTest
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);
    private const int MaxRetries = 1;

    // A storage call: (MaxRetries + 1) tries of RequestTimeout and the SDK's back-off (0.8 s ± 20 %) between them. A
    // request makes at most two during an outage: the one that fails, and freeing its Idempotency-Key. Margin: 2 s.
    private static readonly TimeSpan Bound = 2 * ((MaxRetries + 1) * RequestTimeout + TimeSpan.FromSeconds(1)) + TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(20);

    private AzuriteProcess azurite = null!;
    private string driver = null!;

    protected override bool UsesWebhookReceiver => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:RequestTimeout"] = RequestTimeout.ToString(),
        ["Storage:MaxRetries"] = MaxRetries.ToString(),
        // A key whose release was lost in the outage frees itself soon after it.
        ["Idempotency:InFlightTimeout"] = "00:00:02",
        // Work that met the outage comes back within seconds of its end.
        ["Recovery:ParkBaseDelay"] = "00:00:01",
        ["Recovery:ParkMaxDelay"] = "00:00:05",
    };

    /// <summary>On its own Azurite: the test takes it down.</summary>
    protected override async Task<TestHost> StartHostAsync()
    {
        azurite = await AzuriteProcess.StartAsync(new AzuriteEndpoints(SharedAzurite.FreePort(), SharedAzurite.FreePort(), SharedAzurite.FreePort()), dataDirectory: null);
        return await TestHost.StartAsync(Settings, connectionString: azurite.Endpoints.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        Signal("CONT");
        await base.DisposeAsync();
        await azurite.DisposeAsync();
    }

    private sealed record Answer(string Key, int Status, string Body, string? RetryAfter, TimeSpan Took, bool DuringOutage);

    [Fact]
    public async Task While_storage_does_not_answer_every_request_is_a_prompt_503_and_afterwards_every_payment_exists_once()
    {
        var merchant = await Host.CreateMerchantAsync();
        var payments = new PaymentClient(Host, merchant);
        var token = await payments.TokenAsync();
        driver = await payments.AccountAsync();
        await new WebhookClient(Host, merchant.SecretKey).CreateEndpointAsync(Receiver.Url("all"), "payment.succeeded");
        var answers = new ConcurrentQueue<Answer>();
        var outage = false;
        using var stop = new CancellationTokenSource();

        async Task LoadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid().ToString();
                var during = Volatile.Read(ref outage);
                var watch = Stopwatch.StartNew();
                using var response = await payments.CreateAsync(Payment(token), key);
                var body = await response.Content.ReadAsStringAsync();
                during |= Volatile.Read(ref outage);
                answers.Enqueue(new Answer(key, (int)response.StatusCode, body,
                    response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), watch.Elapsed, during));
                await Task.Delay(50);
            }
        }

        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(LoadAsync)).ToList();
        await Eventually.HoldsAsync(() => answers.Count(answer => answer.Status == 201) >= 8, "payments succeeding before the outage");
        try
        {
            Volatile.Write(ref outage, true);
            Signal("STOP");
            await Task.Delay(Pause);
        }
        finally
        {
            Signal("CONT");
        }
        // Requests sent during the outage finish by its end plus the bound; they count as answered during it.
        await Task.Delay(Bound);
        Volatile.Write(ref outage, false);
        stop.Cancel();
        await Task.WhenAll(load);

        var during = answers.Where(answer => answer.DuringOutage).ToList();
        Assert.True(answers.Count(answer => !answer.DuringOutage && answer.Status == 201) > 0, "no payment succeeded before the outage");
        Assert.Contains(during, answer => answer.Status == 503);
        Assert.All(during, answer =>
        {
            Assert.True(answer.Status is 201 or 503, $"{answer.Status} during the outage: {answer.Body}");
            Assert.True(answer.Took < Bound, $"an answer during the outage took {answer.Took.TotalSeconds:0.0} s (bound {Bound.TotalSeconds:0.0} s): " + string.Join("\n", Host.Logs.Lines.Where(line => answer.Body.Contains("req_") && line.Contains(JsonDocument.Parse(answer.Body).RootElement.GetProperty("request_id").GetString()!, StringComparison.Ordinal))));
            if (answer.Status != 503) return;
            Assert.Equal("service_unavailable", JsonDocument.Parse(answer.Body).RootElement.GetProperty("code").GetString());
            Assert.Equal("5", answer.RetryAfter);
        });
        Assert.All(answers.Where(answer => !answer.DuringOutage), answer => Assert.True(answer.Status == 201, $"{answer.Status} outside the outage: {answer.Body}"));
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains("Unhandled failure", StringComparison.Ordinal));
        Assert.Contains(Host.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Storage unavailable: payments.create answered 503", StringComparison.Ordinal));

        // Storage is back: payments succeed again, and every cut-off request retried with its key succeeds, once.
        await PaymentClient.ExpectAsync(await payments.CreateAsync(Payment(token)), HttpStatusCode.Created);
        var created = answers.Where(answer => answer.Status == 201).ToDictionary(answer => answer.Key, answer => Id(answer.Body));
        foreach (var cutOff in answers.Where(answer => answer.Status == 503))
        {
            created[cutOff.Key] = Id((await RetryAsync(payments, token, cutOff.Key)).GetRawText());
        }

        var listed = await ListAsync(payments);
        Assert.Equal(created.Count + 1, listed.Count);
        Assert.Equal(created.Count, created.Values.Distinct().Count());
        Assert.Subset(listed.ToHashSet(), created.Values.ToHashSet());
        foreach (var id in created.Values) await PaymentClient.ExpectAsync(await payments.GetAsync($"v1/payments/{id}"), HttpStatusCode.OK);

        // Nothing stranded: each payment settled once (the driver holds exactly its share of each), each delivered.
        await Eventually.HoldsAsync(async () => await payments.BalanceAsync(driver, "available") == DriverShare * listed.Count, "every payment settled once", seconds: 60,
            state: () => $"{listed.Count} payments");
        await Eventually.HoldsAsync(() => listed.All(id => Receiver.On("all").Any(webhook => webhook.ObjectId == id)), "every payment's webhook delivered", seconds: 60,
            state: () => $"{listed.Count(id => Receiver.On("all").Any(webhook => webhook.ObjectId == id))} of {listed.Count} delivered");
        Assert.Equal(DriverShare * listed.Count, await payments.BalanceAsync(driver, "available"));
        var report = await Host.Services.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Unbalanced);
        Assert.Empty(report.Drift);
        Assert.Equal(0, await Host.CountPoisonedAsync());
    }

    private const long DriverShare = 900;

    private object Payment(string token) => new { amount = 1_000, currency = "usd", payment_method = token, capture_method = "automatic", application_fee_amount = 100, splits = new[] { new { account = driver, amount = DriverShare } } };

    private static string Id(string body) => JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

    /// <summary>What a client does after a 503: the same request with the same key until it gets the answer (a key still held by the cut-off request frees itself).</summary>
    private async Task<JsonElement> RetryAsync(PaymentClient payments, string token, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await payments.CreateAsync(Payment(token), key);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created) return JsonDocument.Parse(body).RootElement.Clone();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < deadline, $"retrying {key}: {(int)response.StatusCode} {body}");
            await Task.Delay(250);
        }
    }

    private static async Task<List<string>> ListAsync(PaymentClient payments)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PaymentClient.ExpectAsync(await payments.GetAsync("v1/payments?limit=100" + (after is null ? "" : "&starting_after=" + after)), HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(payment => payment.GetProperty("id").GetString()!));
            if (!page.GetProperty("has_more").GetBoolean()) return ids;
            after = ids[^1];
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", azurite.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
