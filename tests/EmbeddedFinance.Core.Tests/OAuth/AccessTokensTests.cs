using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.OAuth;

namespace EmbeddedFinance.Core.Tests.OAuth;

public sealed class AccessTokensTests
{
    private readonly OAuthKit kit = new();

    [Fact]
    public async Task A_token_carries_the_client_merchant_mode_and_scopes_in_the_RFC_9068_profile()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(scopes: ["payments:write", "ledger:read"]));

        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        var header = Part(token, 0);
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.Equal("at+jwt", (string?)header["typ"]);
        Assert.Equal((await kit.Keys.CurrentAsync(CancellationToken.None)).Keys[0].Kid, (string?)header["kid"]);
        var payload = Part(token, 1);
        Assert.Equal(OAuthKit.Issuer, (string?)payload["iss"]);
        Assert.Equal(OAuthKit.Issuer + "/v1", (string?)payload["aud"]);
        Assert.Equal(client.ClientId, (string?)payload["sub"]);
        Assert.Equal(client.ClientId, (string?)payload["client_id"]);
        Assert.Equal("payments:write ledger:read", (string?)payload["scope"]);
        Assert.Equal(kit.Clock.GetUtcNow().ToUnixTimeSeconds() + 900, (long)payload["exp"]!);
        Assert.False(payload.AsObject().ContainsKey("cnf"));

        var claims = (await kit.Tokens.ValidateAsync(token, CancellationToken.None)).Value!;
        Assert.Equal(new[] { "payments:write", "ledger:read" }, claims.Scopes);
        Assert.Equal(("mer_1", Mode.Test, client.ClientId), (claims.MerchantId, claims.Mode, claims.ClientId));
    }

    [Fact]
    public async Task A_token_is_refused_once_its_fifteen_minutes_and_the_skew_have_passed()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        kit.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(29));
        Assert.True((await kit.Tokens.ValidateAsync(token, CancellationToken.None)).IsSuccess);
        kit.Clock.Advance(TimeSpan.FromSeconds(2));
        var refused = await kit.Tokens.ValidateAsync(token, CancellationToken.None);
        Assert.Equal("unauthenticated", refused.Error!.Code);
        Assert.Contains("expired", refused.Error.Detail);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_is_refused()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client(scopes: ["payments:read"]));
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);
        var payload = Part(token, 1);
        payload["scope"] = "payments:write";
        var parts = token.Split('.');

        var tampered = $"{parts[0]}.{Encode(payload)}.{parts[2]}";

        Assert.False((await kit.Tokens.ValidateAsync(tampered, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_refused()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);
        var header = Part(token, 0);
        header["alg"] = "none";

        var unsigned = $"{Encode(header)}.{token.Split('.')[1]}.";

        Assert.False((await kit.Tokens.ValidateAsync(unsigned, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task A_token_for_another_issuer_or_audience_is_refused()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var token = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        kit.Options.Value.Audience = "https://elsewhere.example/v1";
        Assert.False((await kit.Tokens.ValidateAsync(token, CancellationToken.None)).IsSuccess);
        kit.Options.Value.Audience = null;
        kit.Options.Value.Issuer = "https://elsewhere.example/api";
        Assert.False((await kit.Tokens.ValidateAsync(token, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_outside_the_set_is_refused_even_with_a_known_kid()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var other = new OAuthKit();
        await other.RegisteredAsync(client);
        var forged = await other.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);
        var header = Part(forged, 0);
        header["kid"] = (await kit.Keys.CurrentAsync(CancellationToken.None)).Keys[0].Kid;
        var parts = forged.Split('.');

        Assert.False((await kit.Tokens.ValidateAsync(forged, CancellationToken.None)).IsSuccess);
        Assert.False((await kit.Tokens.ValidateAsync($"{Encode(header)}.{parts[1]}.{parts[2]}", CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task After_a_rotation_the_old_key_keeps_verifying_and_the_new_one_signs_only_after_the_publish_delay()
    {
        var client = await kit.RegisteredAsync(OAuthKit.Client());
        var before = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);
        var oldKid = (string?)Part(before, 0)["kid"];

        await kit.Keys.RotateAsync(CancellationToken.None);
        Assert.Equal(oldKid, (string?)Part(await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None), 0)["kid"]);
        kit.Clock.Advance(kit.Options.Value.SigningKeyPublishDelay);
        var after = await kit.Tokens.IssueAsync(client, client.Scopes, CancellationToken.None);

        Assert.NotEqual(oldKid, (string?)Part(after, 0)["kid"]);
        Assert.True((await kit.Tokens.ValidateAsync(before, CancellationToken.None)).IsSuccess);
        Assert.True((await kit.Tokens.ValidateAsync(after, CancellationToken.None)).IsSuccess);
    }

    private static JsonNode Part(string token, int index) => JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!;

    private static string Encode(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
