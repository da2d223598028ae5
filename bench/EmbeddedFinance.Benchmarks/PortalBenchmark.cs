using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// How long a portal page takes to load on the development host with 1,000 payments stored: one person signs in
/// through a portal session's URL, then loads each page as its script does (the page and its two assets, fetched whole, then
/// the page's API calls with the session cookie, in the script's order and parallelism), one load at a time.
/// </summary>
public static class PortalBenchmark
{
    private const double TargetMs = 300;

    public static async Task RunAsync(int payments, int loads, TextWriter output)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = environment.Api };
        var (_, secret, publishable) = await BenchmarkEnvironment.CreateMerchantAsync(http);
        var account = await BenchmarkEnvironment.PostForIdAsync(http, "v1/accounts", new { display_name = "Driver A", email = "a@example.com", country = "US", default_currency = "usd" }, secret);
        var token = await BenchmarkEnvironment.PostForIdAsync(http, "v1/tokens", new { card = new { number = "4242424242424242", exp_month = 12, exp_year = 2030, cvc = "123" } }, publishable);
        var stored = Stopwatch.StartNew();
        var ids = new string[payments];
        await Parallel.ForAsync(0, payments, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payments")
            {
                Content = JsonContent.Create(new { amount = 1_000 + i, currency = "usd", payment_method = token, application_fee_amount = 100, splits = new[] { new { account, amount = 900 + i } } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            request.Headers.Add("Idempotency-Key", $"bench-portal-{i}");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"v1/payments answered {(int)response.StatusCode}: {text}");
            ids[i] = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        });
        output.WriteLine($"{payments} payments stored in {stored.Elapsed.TotalSeconds:0.0} s");
        // Page loads are measured on a quiet host, as a person would meet it: settlement of the payments done first.
        var settled = Stopwatch.StartNew();
        var expected = Enumerable.Range(0, payments).Sum(i => 900L + i);
        while (await BalanceTotalAsync(http, secret, account) < expected)
        {
            if (settled.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("Settlement did not finish within 5 minutes.");
            await Task.Delay(1_000);
        }
        output.WriteLine($"settled {settled.Elapsed.TotalSeconds:0.0} s later");

        using var browser = await SignInAsync(http, secret);
        var middle = ids.Order(StringComparer.Ordinal).ElementAt(payments / 2);
        var pages = new (string Name, Func<Task> Load)[]
        {
            ("payments list, first page (25)", () => LoadAsync(browser, [["payments?limit=25"]])),
            ("payments list, a page from a date (25)", () => LoadAsync(browser, [["payments?limit=25&starting_after=" + middle]])),
            ("payment page", () => LoadPaymentAsync(browser, ids[payments / 2])),
            ("overview", () => LoadAsync(browser, [["accounts?limit=100", "payments?limit=100", "webhook_endpoints?limit=100"], [$"accounts/{account}/balance"]])),
        };
        output.WriteLine($"Portal page loads on the development host ({loads} loads each, one at a time, after 5 warm-up loads; target under {TargetMs:0} ms):");
        foreach (var (name, load) in pages)
        {
            for (var i = 0; i < 5; i++) await load();
            var times = new double[loads];
            for (var i = 0; i < loads; i++)
            {
                var watch = Stopwatch.StartNew();
                await load();
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            var p95 = LoadRunner.Percentile(times, 0.95);
            output.WriteLine($"  {name}: p50 {LoadRunner.Percentile(times, 0.5):0.0} ms, p95 {p95:0.0} ms, max {times[^1]:0.0} ms ({(p95 < TargetMs ? "met" : "not met")})");
        }
    }

    private static async Task<long> BalanceTotalAsync(HttpClient http, string secret, string account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/accounts/{account}/balance");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        var balance = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new[] { "available", "pending" }.Sum(kind => balance.GetProperty(kind).EnumerateArray().Sum(line => line.GetProperty("amount").GetInt64()));
    }

    /// <summary>Opens a portal session's URL as a browser would, and returns a client that carries the session's cookie.</summary>
    private static async Task<HttpClient> SignInAsync(HttpClient http, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/portal_sessions") { Content = JsonContent.Create(new { expires_in_seconds = 300 }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var url = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        var browser = new HttpClient(new SocketsHttpHandler { UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 6 }) { BaseAddress = http.BaseAddress };
        using var signedIn = await browser.GetAsync(url);
        if ((int)signedIn.StatusCode != 303) throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}");
        return browser;
    }

    /// <summary>The page and its assets (fetched whole: a browser would only revalidate them), then each wave of API calls in parallel, waves in order.</summary>
    private static async Task LoadAsync(HttpClient browser, string[][] waves)
    {
        await Task.WhenAll(Get(browser, "portal/"), Get(browser, "portal/app.js"), Get(browser, "portal/style.css"));
        foreach (var wave in waves) await Task.WhenAll(wave.Select(path => Get(browser, "v1/" + path)));
    }

    /// <summary>The payment page: the payment, its ledger transactions and its events together, then every event's attempts together, as the script does.</summary>
    private static async Task LoadPaymentAsync(HttpClient browser, string paymentId)
    {
        await LoadAsync(browser, []);
        var first = await Task.WhenAll(Get(browser, $"v1/payments/{paymentId}"), Get(browser, $"v1/ledger/transactions?limit=100&reference={paymentId}"),
            Get(browser, $"v1/events?limit=100&object={paymentId}"));
        var events = JsonDocument.Parse(first[2]).RootElement.GetProperty("data");
        await Task.WhenAll(events.EnumerateArray().Select(platformEvent => Get(browser, $"v1/events/{platformEvent.GetProperty("id").GetString()}/deliveries")));
    }

    private static async Task<string> Get(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
