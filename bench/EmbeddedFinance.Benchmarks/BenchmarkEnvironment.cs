using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.LocalHost;
using EmbeddedFinance.LocalHost.Azurite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EmbeddedFinance.Benchmarks;

/// <summary>An in-memory Azurite on free ports and the development host on 127.0.0.1, as a developer would run them.</summary>
public sealed class BenchmarkEnvironment : IAsyncDisposable
{
    private readonly AzuriteProcess azurite;
    private readonly WebApplication host;

    private BenchmarkEnvironment(AzuriteProcess azurite, WebApplication host, Uri api, StorageCallCounter counter)
    {
        StorageCalls = counter;
        this.azurite = azurite;
        this.host = host;
        Api = api;
    }

    /// <summary>A timer schedule that does not come round during a benchmark (once a year).</summary>
    public const string Never = "0 0 0 1 1 *";

    public Uri Api { get; }
    public StorageCallCounter StorageCalls { get; } = new();
    public string ConnectionString => azurite.Endpoints.ConnectionString;
    public IServiceProvider Services => host.Services;

    /// <param name="settings">Settings over the development defaults (e.g. a timer a benchmark must keep quiet).</param>
    /// <param name="relay">False: commits never nudge the relay and the sweeps stay quiet, so nothing settles or
    /// delivers; what is left is the request path alone (a diagnosis, not a configuration).</param>
    public static async Task<BenchmarkEnvironment> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool relay = true)
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteEndpoints(FreePort(), FreePort(), FreePort()), dataDirectory: null, log: line => { if (line.StartsWith("azurite:", StringComparison.Ordinal)) Console.Error.WriteLine(line); });
        // A benchmark stopped with Ctrl+C or kill must not leave Azurite running to skew the next one.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.CancelKeyPress += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var counter = new StorageCallCounter();
        var host = DevelopmentHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
                ["Storage:Prefix"] = "bench",
                // A benchmark measures capacity, not the per-key allowance.
                ["RateLimits:Enabled"] = "false",
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            // Without a relay the outbox only grows, and the sweeps would page through all of it every 10 s.
            if (!relay) builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Schedules:SweepOutbox"] = Never, ["Schedules:SweepSettlement"] = Never });
            // Request logging at Information is part of the product's cost, but the console is not.
            if (Environment.GetEnvironmentVariable("BENCH_LOGS") is null) builder.Logging.ClearProviders();
        }, overrideServices: services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
            services.AddSingleton(provider => StorageClients.Tables(provider.GetRequiredService<IConfiguration>(), options));
            if (!relay) services.AddSingleton<IOutboxNudge, NoRelay>();
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchmarkEnvironment(azurite, host, new Uri(address.TrimEnd('/') + "/api/"), counter);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>A merchant created with the development admin key: its id and test keys.</summary>
    public static async Task<(string Id, string Secret, string Publishable)> CreateMerchantAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/merchants") { Content = JsonContent.Create(new { name = "Bench Rides", country = "US", default_currency = "usd" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKeyProvider.DevelopmentDefault);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var keys = json.RootElement.GetProperty("api_keys");
        return (json.RootElement.GetProperty("id").GetString()!, keys.GetProperty("secret_test").GetString()!, keys.GetProperty("publishable_test").GetString()!);
    }

    /// <summary>POSTs as the client's key (or <paramref name="key"/>) and returns the created object's id; any failure stops the benchmark.</summary>
    /// <summary>
    /// Lifts the merchant's card velocity limit out of reach (<paramref name="http"/> carries its secret key): a benchmark
    /// sends hundreds of payments a minute on a few cards, which the default rule would rightly hold for review, and it
    /// measures the normal path, screening included. Like <c>RateLimits:Enabled=false</c>, capacity rather than policy.
    /// </summary>
    public static async Task LiftCardVelocityAsync(HttpClient http)
    {
        using var response = await http.PutAsJsonAsync("v1/risk/rules", new { card_velocity = new { limit = 10_000, window_seconds = 60 } });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"v1/risk/rules answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> PostForIdAsync(HttpClient http, string path, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Never nudges the relay: events stay in the outbox.</summary>
internal sealed class NoRelay : IOutboxNudge
{
    public void Nudge(string scope) { }

    public void Nudge(string scope, IReadOnlyList<OutboxEntry> committed) { }
}
