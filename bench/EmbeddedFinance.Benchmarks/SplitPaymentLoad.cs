using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace EmbeddedFinance.Benchmarks;

/// <summary>The payments the benchmarks send: a merchant, its cards' tokens and two drivers, then $20.00 split 12/5 with a $3.00 fee, each with its own key.</summary>
internal sealed class SplitPaymentLoad : IDisposable
{
    // What driver A receives of each payment: settlement is done when its available balance holds every one.
    private const long DriverAShare = 1_200;
    private readonly HttpClient http;
    private readonly object[] bodies;
    private readonly string driverA;
    private long succeeded;
    private long sent;

    private SplitPaymentLoad(HttpClient http, object[] bodies, string driverA)
    {
        this.http = http;
        this.bodies = bodies;
        this.driverA = driverA;
    }

    /// <summary>Payments take turns over this many cards, as a marketplace's buyers do: one card for all would measure card testing, every payment waiting on that card's risk counter.</summary>
    public const int DefaultCards = 256;

    /// <param name="cards">How many distinct cards the payments take turns with.</param>
    public static async Task<SplitPaymentLoad> StartAsync(BenchmarkEnvironment environment, int clients, int cards = DefaultCards)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = environment.Api };
        var (_, secretKey, publishableKey) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        await BenchmarkEnvironment.LiftCardVelocityAsync(http);
        var tokens = new List<string>();
        for (var card = 0; card < cards; card++)
        {
            var number = cards == 1 ? "4242424242424242" : WithCheckDigit($"424242424{card:D6}");
            tokens.Add(await BenchmarkEnvironment.PostForIdAsync(http, "v1/tokens", new { card = new { number, exp_month = 12, exp_year = 2030, cvc = "123" } }, publishableKey));
        }
        var driverA = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver A", email = "a@example.com", country = "US", default_currency = "usd" });
        var driverB = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver B", email = "b@example.com", country = "US", default_currency = "usd" });
        return new SplitPaymentLoad(http, tokens.Select(token => (object)new { amount = 2_000, currency = "usd", payment_method = token, application_fee_amount = 300, splits = new[] { new { account = driverA, amount = DriverAShare }, new { account = driverB, amount = 500L } } }).ToArray(), driverA);
    }

    /// <summary>A 16-digit number whose last digit makes the Luhn check pass.</summary>
    private static string WithCheckDigit(string fifteen)
    {
        var sum = 0;
        for (var i = 0; i < fifteen.Length; i++)
        {
            var digit = fifteen[fifteen.Length - 1 - i] - '0';
            if (i % 2 == 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return fifteen + (10 - sum % 10) % 10;
    }

    public async Task<bool> PayAsync(int _)
    {
        var body = bodies[(int)(Interlocked.Increment(ref sent) % bodies.Length)];
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
