using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.OAuth;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class OAuthScopesTests
{
    [Fact]
    public void Every_resource_has_a_read_and_a_write_scope()
    {
        Assert.Equal(ApiResources.All.Count * 2, OAuthScopes.All.Count);
        Assert.Contains("webhook_endpoints:write", OAuthScopes.All);
    }

    [Fact]
    public void Scopes_grant_the_highest_level_they_name_per_resource()
    {
        var permissions = OAuthScopes.ToPermissions(["payments:read", "payments:write", "ledger:read"]);

        Assert.Equal(AccessLevel.Write, permissions.LevelOf(ApiResources.Payments));
        Assert.Equal(AccessLevel.Read, permissions.LevelOf(ApiResources.Ledger));
        Assert.Equal(AccessLevel.None, permissions.LevelOf(ApiResources.Payouts));
    }

    [Fact]
    public void Joined_scopes_are_deduplicated_in_a_stable_order() =>
        Assert.Equal("payments:write ledger:read", OAuthScopes.Join(["ledger:read", "payments:write", "ledger:read"]));

    [Theory]
    [InlineData("payments")]
    [InlineData("payments:")]
    [InlineData("payments:none")]
    [InlineData("cards:read")]
    [InlineData("payments:read:x")]
    public void Anything_but_resource_colon_read_or_write_is_not_a_scope(string scope) => Assert.False(OAuthScopes.TryParse(scope, out _));
}

public sealed class OAuthOptionsTests
{
    [Theory]
    [InlineData("https://ef.example/api", null)]
    [InlineData("https://ef.example/api/", "must not end with '/'")]
    [InlineData("ef.example/api", "absolute http(s) URL")]
    [InlineData("ftp://ef.example/api", "absolute http(s) URL")]
    public void The_issuer_is_an_absolute_http_url_without_a_trailing_slash(string issuer, string? problem)
    {
        var found = new OAuthOptions { Issuer = issuer }.Problem();

        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void The_audience_defaults_to_the_issuers_v1() =>
        Assert.Equal("https://ef.example/api/v1", new OAuthOptions { Issuer = "https://ef.example/api" }.EffectiveAudience);
}
