using System.Net;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>Each API key draws from its own token bucket: over it, 429 rate_limited with Retry-After; then it recovers.</summary>
public sealed class RateLimitTests : HostedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PermitsPerSecond"] = "2",
        ["RateLimits:Burst"] = "3",
    };

    [Fact]
    public async Task A_key_over_its_bucket_gets_429_with_retry_after_while_other_keys_go_on_and_it_recovers_after_the_wait()
    {
        var busy = await Host.CreateMerchantAsync("Busy Co");
        var calm = await Host.CreateMerchantAsync("Calm Co");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) answers.Add(await Host.SendAsync(HttpMethod.Get, "v1/accounts", busy.SecretKey));

        Assert.All(answers.Take(3), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var limited = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count >= 4, $"only {limited.Count} of 8 were limited");
        var problem = await Problem.AssertAsync(limited[0], 429, "rate_limited");
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        var retryAfter = limited[0].Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 2);
        Assert.DoesNotContain(busy.SecretKey, problem.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/accounts", calm.SecretKey)).StatusCode);

        await Task.Delay(retryAfter.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Get, "v1/accounts", busy.SecretKey)).StatusCode);
    }
}
