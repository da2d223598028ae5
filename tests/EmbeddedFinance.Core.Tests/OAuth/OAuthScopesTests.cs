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
