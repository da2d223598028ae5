using System.Net;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Tests.Webhooks;

public sealed class WebhookUrlPolicyTests
{
    private sealed class FixedResolver(string address) : IAddressResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(new[] { IPAddress.Parse(address) });
    }

    private static WebhookUrlPolicy Policy(bool development, string resolvesTo = "93.184.216.34") =>
        new(new FixedResolver(resolvesTo), Options.Create(new PlatformOptions { IsDevelopment = development }));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task On_a_development_machine_test_mode_may_point_anywhere(string url)
    {
        Assert.Null(await Policy(development: true, resolvesTo: "127.0.0.1").CheckAsync(new Uri(url), Mode.Test, CancellationToken.None));
        Assert.False(Policy(development: true).PublicOnly(Mode.Test));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.0.0.4/")]
    public async Task On_a_hosted_platform_test_mode_keeps_the_address_rule_because_localhost_is_the_platforms_own(string url)
    {
        var refused = await Policy(development: false).CheckAsync(new Uri(url), Mode.Test, CancellationToken.None);
        Assert.Equal("parameter_invalid", refused?.Code);
        Assert.True(Policy(development: false).PublicOnly(Mode.Test));
    }

    [Fact]
    public async Task On_a_hosted_platform_test_mode_still_allows_plain_http_to_a_public_host()
    {
        Assert.Null(await Policy(development: false).CheckAsync(new Uri("http://hooks.example.test/"), Mode.Test, CancellationToken.None));
        Assert.Equal("parameter_invalid", (await Policy(development: false).CheckAsync(new Uri("http://hooks.example.test/"), Mode.Live, CancellationToken.None))?.Code);
        Assert.True(Policy(development: true).PublicOnly(Mode.Live));
    }
}
