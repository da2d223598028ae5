using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// What authenticating a request costs: one cheap authenticated GET over HTTP with N clients, as a secret key, as a
/// restricted key, with an OAuth access token and as one unknown key flooded (401s), each with its storage calls per request
/// once warm, the credential indexes' reads apart from the route's own; beside them the raw rate of one Azurite point read in the same run.
/// </summary>
public static class AuthBenchmark
{
    /// <summary>The target once warm: the credential caches answer nearly every request.</summary>
    private const double KeyReadsTarget = 0.1;

    public static async Task RunAsync(int clients, TimeSpan duration, TextWriter output)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = environment.Api };
        var (_, secret, _) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        var account = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver A", email = "a@example.com", country = "US", default_currency = "usd" }, secret);
        var restricted = await CreateRestrictedKeyAsync(http, secret);
        var accessToken = await OAuthAccessTokenAsync(http, secret);
        // Well-formed and random, as a guessing client would send it: it reaches the key directory.
        var unknown = "sk_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // GET /v1/accounts/{id}/balance: the cheapest authenticated GET without a body that a `balance: read` key may call.
        var route = $"v1/accounts/{account}/balance";

        var asSecret = await MeasureAsync(environment, http, clients, duration, route, secret, expected: 200, output);
        var asRestricted = await MeasureAsync(environment, http, clients, duration, route, restricted, expected: 200, output);
        var asToken = await MeasureAsync(environment, http, clients, duration, route, accessToken, expected: 200, output);
        var asUnknown = await MeasureAsync(environment, http, clients, duration, route, unknown, expected: 401, output);
        var raw = await RawPointReadsAsync(environment.ConnectionString, clients, duration);

        output.WriteLine($"GET /v1/accounts/{{id}}/balance over HTTP ({clients} clients, {duration.TotalSeconds:0} s each after warm-up):");
        WriteLine(output, "secret key (sk_test_…)", asSecret, raw, $"target ≤ {KeyReadsTarget}");
        WriteLine(output, "restricted key (rk_test_…, balance: read)", asRestricted, raw, $"target ≤ {KeyReadsTarget}");
        WriteLine(output, "one unknown key flooded (401)", asUnknown, raw, "target ~0, the negative cache");
        WriteLine(output, "OAuth access token (ES256 JWT, scope balance:read)", asToken, raw, $"target ≤ {KeyReadsTarget}");
        output.WriteLine($"raw Azurite point read (GetEntity on an existing row, after warm-up), same run: {raw.PerSecond:0.0}/s, p50 {raw.P50Ms:0.0} ms, p99 {raw.P99Ms:0.0} ms");
        foreach (var (name, measured) in new[] { ("secret key", asSecret), ("restricted key", asRestricted), ("OAuth access token", asToken), ("unknown key", asUnknown) })
        {
            WriteShapes(output, name, measured);
        }
    }

    /// <param name="WarmUpKeyReads">The key index's reads while warming up: the cold look-up, which shows the count sees them.</param>
    private sealed record Measured(LoadRunner.Figures Figures, StorageCallCounter.Calls Calls, TimeSpan WarmUp, long WarmUpKeyReads);

    private static void WriteLine(TextWriter output, string name, Measured measured, LoadRunner.Figures raw, string target)
    {
        var (figures, calls, warmUp, warmUpKeyReads) = measured;
        double Per(long count) => (double)count / figures.Operations;
        var keyReads = Per(calls.CredentialIndexReads);
        output.WriteLine($"  {name}: {figures.PerSecond:0.0}/s, p50 {figures.P50Ms:0.0} ms, p99 {figures.P99Ms:0.0} ms, failures {figures.Failures} "
            + $"(warm-up {warmUp.TotalSeconds:0} s, credential index reads in it: {warmUpKeyReads}); ratio to raw point reads {figures.PerSecond / raw.PerSecond:0.00}");
        output.WriteLine($"    storage calls per request: credential index {keyReads:0.000} ({target}: {(keyReads <= KeyReadsTarget ? "met" : "not met")}), "
            + $"everything else {Per(calls.Total - calls.CredentialIndexReads):0.000} (reads {Per(calls.Reads - calls.CredentialIndexReads):0.000}, "
            + $"batches {Per(calls.Batches):0.000}, single writes {Per(calls.Writes):0.000})");
    }

    /// <summary>With BENCH_CALLS, the calls by shape, as the payment benchmark prints them.</summary>
    private static void WriteShapes(TextWriter output, string name, Measured measured)
    {
        if (measured.Calls.ByShape.Count == 0) return;
        output.WriteLine($"  calls by shape, {name}:");
        PaymentBenchmark.WriteShapes(output, "per request", measured.Calls, measured.Figures.Operations);
    }

    /// <summary>Warms the route up as this key until the JIT is quiet, then measures it with the storage calls it costs.</summary>
    private static async Task<Measured> MeasureAsync(BenchmarkEnvironment environment, HttpClient http, int clients, TimeSpan duration, string route, string key, int expected, TextWriter output)
    {
        async Task<bool> GetAsync(int _)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode == expected;
        }

        var cold = environment.StorageCalls.CredentialIndexReads;
        var warmUp = await LoadRunner.WarmUpAsync(clients, GetAsync, output);
        var before = environment.StorageCalls.Snapshot();
        var figures = await LoadRunner.RunAsync(clients, duration, GetAsync);
        return new(figures, environment.StorageCalls.Snapshot() - before, warmUp, before.CredentialIndexReads - cold);
    }

    /// <summary>A restricted key that may read balances, created with the secret key; returns the key itself.</summary>
    private static async Task<string> CreateRestrictedKeyAsync(HttpClient http, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/api_keys") { Content = JsonContent.Create(new { name = "Bench balance reader", permissions = new { balance = "read" } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"v1/api_keys answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>An access token of an OAuth client that may read balances, registered with the secret key, from the token endpoint.</summary>
    private static async Task<string> OAuthAccessTokenAsync(HttpClient http, string secret)
    {
        using var register = new HttpRequestMessage(HttpMethod.Post, "v1/oauth/clients") { Content = JsonContent.Create(new { name = "Bench balance reader", scopes = new[] { "balance:read" } }) };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var registered = await http.SendAsync(register);
        var text = await registered.Content.ReadAsStringAsync();
        if (!registered.IsSuccessStatusCode) throw new InvalidOperationException($"v1/oauth/clients answered {(int)registered.StatusCode}: {text}");
        using var client = JsonDocument.Parse(text);
        using var token = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.RootElement.GetProperty("client_id").GetString()!,
            ["client_secret"] = client.RootElement.GetProperty("client_secret").GetString()!,
        }));
        var tokenText = await token.Content.ReadAsStringAsync();
        if (!token.IsSuccessStatusCode) throw new InvalidOperationException($"oauth/token answered {(int)token.StatusCode}: {tokenText}");
        using var issued = JsonDocument.Parse(tokenText);
        return issued.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>One GetEntity per operation on one existing row, the shape of the key directory's read.</summary>
    private static async Task<LoadRunner.Figures> RawPointReadsAsync(string connectionString, int clients, TimeSpan duration)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchrawreads");
        await table.CreateIfNotExistsAsync();
        var row = new TableEntity("apikeys:ab", "apikey|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)))
        {
            ["KeyId"] = "key_bench",
            ["MerchantId"] = "mer_bench",
            ["KeyKind"] = "Secret",
            ["Mode"] = "Test",
        };
        await table.AddEntityAsync(row);
        async Task<bool> ReadAsync(int _) => (await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue;
        // Warmed up like the routes, so the ratio compares warm with warm.
        await LoadRunner.WarmUpAsync(clients, ReadAsync, TextWriter.Null);
        return await LoadRunner.RunAsync(clients, duration, ReadAsync);
    }
}
