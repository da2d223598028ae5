using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.OAuth;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class AccessTokenAuthenticationTests
{
    private readonly OAuthKit kit = new();

    [Fact]
    public async Task A_token_becomes_a_restricted_caller_with_exactly_its_scopes_named_by_its_client()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(scopes: ["payments:write", "ledger:read"]));
        var token = await kit.Tokens.IssueAsync(client, ["payments:read"], CancellationToken.None);

        var caller = Assert.IsType<Caller.Merchant>((await kit.Authentication.AuthenticateAsync(token, null, CancellationToken.None)).Value);

        Assert.Equal((client.MerchantId, client.ClientId, ApiKeyKind.Restricted, client.Scope), (caller.MerchantId, caller.KeyId, caller.Kind, caller.Scope));
        Assert.True(caller.Permissions.Grants(Permission.Read(ApiResources.Payments)));
        Assert.False(caller.Permissions.Grants(Permission.Write(ApiResources.Payments)));
        Assert.False(caller.Permissions.Grants(Permission.Read(ApiResources.Ledger)));
    }

    [Fact]
    public async Task A_revoked_clients_tokens_are_refused()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        kit.Clients.Clear();

        var refused = await kit.Authentication.AuthenticateAsync(token, null, CancellationToken.None);
        Assert.Equal((401, "unauthenticated"), (refused.Error!.Status, refused.Error.Code));
        Assert.Contains("revoked", refused.Error.Detail);
    }

    [Fact]
    public async Task A_bound_token_works_only_with_its_certificate()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(thumbprint: "bound-x5t"));
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        Assert.Equal(401, (await kit.Authentication.AuthenticateAsync(token, null, CancellationToken.None)).Error!.Status);
        Assert.Equal(401, (await kit.Authentication.AuthenticateAsync(token, "other-x5t", CancellationToken.None)).Error!.Status);
        Assert.True((await kit.Authentication.AuthenticateAsync(token, "bound-x5t", CancellationToken.None)).IsSuccess);
    }

    [Theory]
    [InlineData("sk_test_abc", false)]
    [InlineData("a.b.c", true)]
    [InlineData("a.b", false)]
    public void Only_three_part_credentials_are_taken_for_tokens(string presented, bool token) =>
        Assert.Equal(token, AccessTokenAuthentication.LooksLikeToken(presented));
}
