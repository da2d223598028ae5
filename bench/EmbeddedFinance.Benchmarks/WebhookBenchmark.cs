using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Payments at a steady rate (open loop: one starts every 1/rate s whatever the others do) to a merchant with a
/// webhook endpoint on a local receiver; measures, per payment, the time from its 201 to the receiver getting its
/// <c>payment.succeeded</c> webhook: the whole path of commit, nudge, relay, fan-out, delivery queue and POST.
/// With several signing schemes, one endpoint per scheme receives every payment in the same run, each measured apart.
/// </summary>
public static class WebhookBenchmark
{
    public static Task RunAsync(int rate, TimeSpan duration, TextWriter output) => RunAsync(rate, duration, output, ["hmac-sha256"]);

    public static async Task RunAsync(int rate, TimeSpan duration, TextWriter output, IReadOnlyList<string> signings)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        await using var receiver = await StartReceiverAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = environment.Api };
        var (_, secretKey, publishableKey) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        await BenchmarkEnvironment.LiftCardVelocityAsync(http);
        var token = await BenchmarkEnvironment.PostForIdAsync(http, "v1/tokens", new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030, cvc = "123" } }, publishableKey);
        foreach (var signing in signings)
        {
            await BenchmarkEnvironment.PostForIdAsync(http, "v1/webhook_endpoints", new { url = $"{receiver.Url}/{signing}", enabled_events = new[] { "payment.succeeded" }, signing });
        }

        var answered = new ConcurrentDictionary<string, TimeSpan>();
        var failures = 0;
        var clock = receiver.Clock;
        async Task PayAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payments") { Content = JsonContent.Create(new { amount = 1_500, currency = "usd", payment_method = token }) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await http.SendAsync(request);
            var at = clock.Elapsed;
            if ((int)response.StatusCode != 201)
            {
                Interlocked.Increment(ref failures);
                return;
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answered[json.RootElement.GetProperty("id").GetString()!] = at;
        }

        // Warm up the paths (JIT, connections, queues) before measuring.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PayAsync()));
        await Task.Delay(3_000);
        answered.Clear();
        foreach (var arrivals in receiver.Arrivals.Values) arrivals.Clear();

        var started = clock.Elapsed;
        var inFlight = new List<Task>();
        var count = (int)(rate * duration.TotalSeconds);
        for (var i = 0; i < count; i++)
        {
            var due = started + TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            inFlight.Add(PayAsync());
        }
        await Task.WhenAll(inFlight);
        var sent = clock.Elapsed - started;

        var drainUntil = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (signings.Any(signing => answered.Keys.Any(id => !receiver.On(signing).ContainsKey(id))) && clock.Elapsed < drainUntil) await Task.Delay(50);

        output.WriteLine($"payments at {rate}/s for {duration.TotalSeconds:0} s: {answered.Count} accepted in {sent.TotalSeconds:0.0} s ({answered.Count / sent.TotalSeconds:0.0}/s), failures {failures}; {signings.Count} endpoint(s), every payment to each");
        foreach (var signing in signings)
        {
            Report(receiver.On(signing), answered, started, sent, signings.Count > 1 ? $"[{signing}] " : "", output);
        }
    }

    private static void Report(ConcurrentDictionary<string, TimeSpan> arrivals, ConcurrentDictionary<string, TimeSpan> answered, TimeSpan started, TimeSpan sent, string label, TextWriter output)
    {
        var latencies = answered.Where(pair => arrivals.ContainsKey(pair.Key))
            .Select(pair => (arrivals[pair.Key] - pair.Value).TotalMilliseconds).Order().ToArray();
        // BENCH_TIMELINE=1 prints the worst latency per second of sending, to tell a warm-up or a stall from a steady tail.
        if (Environment.GetEnvironmentVariable("BENCH_TIMELINE") is not null)
        {
            foreach (var second in answered.Where(pair => arrivals.ContainsKey(pair.Key)).GroupBy(pair => (int)(pair.Value - started).TotalSeconds).OrderBy(g => g.Key))
            {
                output.WriteLine($"  second {second.Key,3}: max {second.Max(pair => (arrivals[pair.Key] - pair.Value).TotalMilliseconds),6:0} ms");
            }
        }
        var lastArrival = arrivals.Values.DefaultIfEmpty(started).Max();
        var deliveriesPerSecond = latencies.Length / (lastArrival - started).TotalSeconds;
        output.WriteLine($"{label}webhooks received: {latencies.Length} of {answered.Count}, {deliveriesPerSecond:0.0} deliveries/s; deliveries/s ÷ payments/s {deliveriesPerSecond / (answered.Count / sent.TotalSeconds):0.00} (target ≥ 0.98)");
        output.WriteLine($"{label}payment response -> webhook received: p50 {LoadRunner.Percentile(latencies, 0.50):0} ms, p99 {LoadRunner.Percentile(latencies, 0.99):0} ms, max {latencies.DefaultIfEmpty(0).Max():0} ms");
    }

    private sealed class Receiver(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        /// <summary>Per path (the endpoint's signing scheme): when each payment's webhook arrived.</summary>
        public ConcurrentDictionary<string, ConcurrentDictionary<string, TimeSpan>> Arrivals { get; } = new();

        public ConcurrentDictionary<string, TimeSpan> On(string path) => Arrivals.GetOrAdd(path, _ => new());

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<Receiver> StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Receiver? receiver = null;
        app.MapPost("/hooks/{path}", async (HttpContext context, string path) =>
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var at = receiver!.Clock.Elapsed;
            var paymentId = json.RootElement.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;
            receiver.On(path).TryAdd(paymentId, at);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new Receiver(app, address.TrimEnd('/') + "/hooks");
        return receiver;
    }
}
