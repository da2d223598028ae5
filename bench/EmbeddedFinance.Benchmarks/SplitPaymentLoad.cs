using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace EmbeddedFinance.Benchmarks;

/// <summary>The payments the benchmarks send: a merchant, a token and two drivers, then $20.00 split 12/5 with a $3.00 fee, each with its own key.</summary>
internal sealed class SplitPaymentLoad : IDisposable
{
    // What driver A receives of each payment: settlement is done when its available balance holds every one.
    private const long DriverAShare = 1_200;
    private readonly HttpClient http;
    private readonly object body;
    private readonly string driverA;
    private long succeeded;

    private SplitPaymentLoad(HttpClient http, object body, string driverA)
    {
        this.http = http;
        this.body = body;
        this.driverA = driverA;
    }

    public static async Task<SplitPaymentLoad> StartAsync(BenchmarkEnvironment environment, int clients)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = environment.Api };
        var (_, secretKey, publishableKey) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        var token = await BenchmarkEnvironment.PostForIdAsync(http, "v1/tokens", new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030, cvc = "123" } }, publishableKey);
        var driverA = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver A", email = "a@example.com", country = "US", default_currency = "usd" });
        var driverB = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver B", email = "b@example.com", country = "US", default_currency = "usd" });
        return new SplitPaymentLoad(http, new { amount = 2_000, currency = "usd", payment_method = token, application_fee_amount = 300, splits = new[] { new { account = driverA, amount = DriverAShare }, new { account = driverB, amount = 500L } } }, driverA);
    }

    public async Task<bool> PayAsync(int _)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        if ((int)response.StatusCode != 201) return false;
        Interlocked.Increment(ref succeeded);
        return true;
    }

    /// <summary>How long after now every payment answered so far is settled (driver A's available balance holds them all).</summary>
    public async Task<TimeSpan> SettledAsync(TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var expected = Interlocked.Read(ref succeeded) * DriverAShare;
        while (watch.Elapsed < limit)
        {
            using var balance = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"v1/accounts/{driverA}/balance"));
            var available = balance.RootElement.GetProperty("available").EnumerateArray().Sum(entry => entry.GetProperty("amount").GetInt64());
            if (available >= expected) return watch.Elapsed;
            await Task.Delay(20);
        }
        return limit;
    }

    public void Dispose() => http.Dispose();
}
