using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Tokenizations per second through HTTP with N clients; beside it, measured in the same run, the raw rate of one
/// Azurite table insert per operation, and the share of request time spent sealing and fingerprinting.
/// </summary>
public static class TokenizationBenchmark
{
    public static async Task RunAsync(int clients, TimeSpan duration, TextWriter output)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = environment.Api };
        var (_, _, key) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030, cvc = "123" } };

        async Task<bool> TokenizeAsync(int _)
        {
            using var response = await http.PostAsJsonAsync("v1/tokens", body);
            return (int)response.StatusCode == 201;
        }

        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), TokenizeAsync);
        var tokens = await LoadRunner.RunAsync(clients, duration, TokenizeAsync);

        var table = new TableServiceClient(environment.ConnectionString).GetTableClient("benchraw");
        await table.CreateIfNotExistsAsync();
        var payload = new byte[96];
        var raw = await LoadRunner.RunAsync(clients, duration, async i =>
        {
            var entity = new TableEntity("bench", $"row|{Guid.NewGuid():N}") { ["Sealed"] = payload, ["Last4"] = "4242" };
            return !(await table.AddEntityAsync(entity)).IsError;
        });

        var cryptoMs = await MeasureCryptoAsync(environment.Services);

        output.WriteLine($"tokenize over HTTP ({clients} clients, {duration.TotalSeconds:0} s): {tokens.PerSecond:0.0}/s, p50 {tokens.P50Ms:0.0} ms, p99 {tokens.P99Ms:0.0} ms, failures {tokens.Failures}");
        output.WriteLine($"raw Azurite insert, same run:        {raw.PerSecond:0.0}/s, p50 {raw.P50Ms:0.0} ms, p99 {raw.P99Ms:0.0} ms");
        output.WriteLine($"ratio tokenize / raw insert:         {tokens.PerSecond / raw.PerSecond:0.00}");
        output.WriteLine($"seal + fingerprint per token:        {cryptoMs * 1000:0.0} µs = {100 * cryptoMs / tokens.MeanMs:0.00} % of mean request time ({tokens.MeanMs:0.00} ms)");
    }

    private static async Task<double> MeasureCryptoAsync(IServiceProvider services)
    {
        var sealer = services.GetRequiredService<CardSealer>();
        var fingerprinter = services.GetRequiredService<CardFingerprinter>();
        var number = CardNumber.Parse("4242424242424242", "card.number").Value!;
        var scope = MerchantScope.Of("mer_bench", Mode.Test);
        const int iterations = 20_000;
        for (var i = 0; i < 1_000; i++) await sealer.SealAsync(scope, "tok_warm", number, null, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await sealer.SealAsync(scope, "tok_bench", number, null, CancellationToken.None);
            await fingerprinter.OfAsync("mer_bench", number, CancellationToken.None);
        }
        return watch.Elapsed.TotalMilliseconds / iterations;
    }
}
