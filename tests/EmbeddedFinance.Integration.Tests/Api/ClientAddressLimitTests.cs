using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>
/// Traffic no valid key vouches for is limited per client address before it costs a storage read: requests without a key
/// draw from the address's bucket, and an address that keeps failing authentication is not looked up until its window ends.
/// Every request here comes from 127.0.0.1 over a real socket.
/// </summary>
public sealed class ClientAddressLimitTests : HostedTest
{
    private const int Burst = 3;
    private const int FailureLimit = 3;

    private readonly StorageRequests storage = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:UnauthenticatedPermitsPerSecond"] = "1",
        ["RateLimits:UnauthenticatedBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:FailedAuthenticationLimit"] = FailureLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:FailedAuthenticationWindow"] = "00:00:10",
    };

    protected override void ConfigureServices(IServiceCollection services) => storage.Register(services);

    private static string UnknownKey() => "sk_test_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Past_its_bucket_an_address_without_a_key_gets_429_with_retry_after_and_storage_is_not_read()
    {
        var answered = new List<(HttpResponseMessage Answer, int StorageCalls)>();
        for (var i = 0; i < Burst; i++) answered.Add(await SendCountingAsync("health"));
        Assert.All(answered, sent => Assert.Equal(HttpStatusCode.OK, sent.Answer.StatusCode));
        Assert.All(answered, sent => Assert.NotEqual(0, sent.StorageCalls));

        var limited = new List<(HttpResponseMessage Answer, int StorageCalls)>();
        for (var i = 0; i < 4; i++)
        {
            limited.Add(await SendCountingAsync("health"));
            limited.Add(await SendCountingAsync("v1/accounts"));
        }

        // The bucket refills one a second, so on a slow machine one or two may pass; a refused request never reaches storage.
        var refused = limited.Where(sent => sent.Answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 5, string.Join(", ", limited.Select(sent => (int)sent.Answer.StatusCode)));
        Assert.All(refused, sent => Assert.Equal(0, sent.StorageCalls));
        await Problem.AssertAsync(refused[0].Answer, 429, "rate_limited");
        Assert.InRange(refused[0].Answer.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 2);
        Assert.Contains(refused, sent => sent.Answer.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/v1/accounts", StringComparison.Ordinal));
    }

    /// <summary>A request without a key, and the table calls the app made while answering it.</summary>
    private async Task<(HttpResponseMessage Answer, int StorageCalls)> SendCountingAsync(string path)
    {
        HttpResponseMessage? answer = null;
        var sent = await storage.DuringAsync(async () => answer = await Host.SendAsync(HttpMethod.Get, path, key: null));
        return (answer!, sent.Count);
    }

    [Fact]
    public async Task Failed_authentications_past_the_limit_get_429_before_any_storage_read_until_the_window_ends()
    {
        var merchant = await Host.CreateMerchantAsync();
        var failed = new List<HttpResponseMessage>();
        var sentWhileFailing = await storage.DuringAsync(async () =>
        {
            for (var i = 0; i < FailureLimit; i++) failed.Add(await Host.SendAsync(HttpMethod.Get, "v1/accounts", UnknownKey()));
        });
        Assert.All(failed, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        Assert.NotEmpty(sentWhileFailing);

        var refused = new List<HttpResponseMessage>();
        var sentWhileRefused = await storage.DuringAsync(async () =>
        {
            for (var i = 0; i < 10; i++) refused.Add(await Host.SendAsync(HttpMethod.Get, "v1/accounts", UnknownKey()));
            // The keys are not looked up at all, so a valid one from this address waits too.
            refused.Add(await Host.SendAsync(HttpMethod.Get, "v1/accounts", merchant.SecretKey));
        });

        Assert.All(refused, answer => Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode));
        var problem = await Problem.AssertAsync(refused[0], 429, "rate_limited");
        Assert.DoesNotContain(merchant.SecretKey, problem.GetRawText(), StringComparison.Ordinal);
        Assert.InRange(refused[0].Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3);
        Assert.Empty(sentWhileRefused);
        Assert.Contains(Host.Logs.Lines, line => line.Contains("failed authentication 3 times", StringComparison.Ordinal));
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(merchant.SecretKey, StringComparison.Ordinal));

        await Eventually.HoldsAsync(async () =>
        {
            using var answer = await Host.SendAsync(HttpMethod.Get, "v1/accounts", merchant.SecretKey);
            return answer.StatusCode == HttpStatusCode.OK;
        }, "the valid key answered again once the failures left the window", seconds: 30);
    }

    [Fact]
    public async Task A_valid_key_neither_draws_from_its_address_bucket_nor_counts_as_a_failure()
    {
        var merchant = await Host.CreateMerchantAsync();

        for (var i = 0; i < 3 * (Burst + FailureLimit); i++)
        {
            using var answer = await Host.SendAsync(HttpMethod.Get, "v1/accounts", merchant.SecretKey);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }
}
