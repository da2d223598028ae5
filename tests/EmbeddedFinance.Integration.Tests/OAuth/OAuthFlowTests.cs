using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Duende.IdentityModel.Client;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmbeddedFinance.Integration.Tests.OAuth;

/// <summary>
/// The client credentials flow over real sockets, driven by a standard OAuth client written by others (Duende.IdentityModel),
/// with the token checked against the published JWKS by a JWT library as a partner's resource code would.
/// </summary>
public sealed class OAuthFlowTests : HostedTest
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private CreatedMerchant merchant = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);

    protected override async Task ArrangeAsync() => merchant = await Host.CreateMerchantAsync("Ride Co");

    private string TokenEndpoint => new Uri(Host.Client.BaseAddress!, "oauth/token").ToString();

    private async Task<TokenResponse> RequestTokenAsync(RegisteredClient client, string? scope = null, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader) =>
        await Host.Client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            Scope = scope,
            ClientCredentialStyle = style,
        });

    [Fact]
    public async Task A_standard_client_gets_a_token_that_does_what_its_scopes_allow_and_nothing_more()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read", "ledger:read"]);

        var token = await RequestTokenAsync(client);

        Assert.False(token.IsError, token.Error + " " + token.ErrorDescription);
        Assert.Equal(("Bearer", 900, "payments:read ledger:read"), (token.TokenType, token.ExpiresIn, token.Scope));
        using (var listed = await Host.SendAsync(HttpMethod.Get, "v1/payments", token.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        }
        using var created = await Host.SendAsync(HttpMethod.Post, "v1/payments", token.AccessToken, new { amount = 1000, currency = "usd", token = "tok_x" }, "order_1");
        var problem = await Problem.AssertAsync(created, 403, "forbidden");
        Assert.Contains("payments:write", problem.GetProperty("detail").GetString());
        using var keys = await Host.SendAsync(HttpMethod.Get, "v1/api_keys", token.AccessToken);
        await Problem.AssertAsync(keys, 403, "forbidden");
        using var clients = await Host.SendAsync(HttpMethod.Post, "v1/oauth/clients", token.AccessToken, new { name = "Escalation", scopes = new[] { "payments:write" } });
        await Problem.AssertAsync(clients, 403, "forbidden");

        // The refused write is audited under the client's id; the token grant too.
        var audit = await AuditRowsAsync();
        Assert.Contains(audit, row => row.GetString("KeyId") == client.ClientId && row.GetString("Action") == "payments.create" && row.GetInt32("Status") == 403);
        Assert.Contains(audit, row => row.GetString("KeyId") == client.ClientId && row.GetString("Action") == "oauth.token" && row.GetInt32("Status") == 200);
    }

    [Fact]
    public async Task Form_credentials_and_a_narrower_scope_work_and_a_wider_scope_is_invalid_scope()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:write"]);

        var narrower = await RequestTokenAsync(client, "payments:read", ClientCredentialStyle.PostBody);
        var wider = await RequestTokenAsync(client, "payments:write payouts:write");

        Assert.False(narrower.IsError, narrower.Error);
        Assert.Equal("payments:read", narrower.Scope);
        using (var write = await Host.SendAsync(HttpMethod.Post, "v1/payments", narrower.AccessToken, new { amount = 1000, currency = "usd", token = "tok_x" }, "order_2"))
        {
            await Problem.AssertAsync(write, 403, "forbidden");
        }
        Assert.Equal(("invalid_scope", HttpStatusCode.BadRequest), (wider.Error, wider.HttpStatusCode));
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_is_invalid_client_with_a_Basic_challenge()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);

        var wrong = await RequestTokenAsync(client with { Secret = client.Secret + "x" });
        var unknown = await RequestTokenAsync(client with { ClientId = "cli_0000000000zzzzzzzzzzzzzzzz" });

        Assert.Equal(("invalid_client", HttpStatusCode.Unauthorized), (ErrorOf(wrong), wrong.HttpStatusCode));
        Assert.Equal(("invalid_client", HttpStatusCode.Unauthorized), (ErrorOf(unknown), unknown.HttpStatusCode));
        Assert.Contains("Basic", wrong.HttpResponse!.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_is_refused_after_it_expires()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);
        var token = await RequestTokenAsync(client);

        clock.Advance(TimeSpan.FromMinutes(14));
        using (var before = await Host.SendAsync(HttpMethod.Get, "v1/payments", token.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await Host.SendAsync(HttpMethod.Get, "v1/payments", token.AccessToken);
        var problem = await Problem.AssertAsync(after, 401, "unauthenticated");
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_tampered_token_and_an_unsigned_alg_none_token_are_refused()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);
        var token = (await RequestTokenAsync(client)).AccessToken!;
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["scope"] = "payments:write";
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        header["alg"] = "none";

        var tampered = $"{parts[0]}.{Encode(payload)}.{parts[2]}";
        var unsigned = $"{Encode(header)}.{Encode(payload)}.";

        foreach (var forged in new[] { tampered, unsigned })
        {
            using var response = await Host.SendAsync(HttpMethod.Post, "v1/payments", forged, new { amount = 1000, currency = "usd", token = "tok_x" }, Guid.NewGuid().ToString());
            await Problem.AssertAsync(response, 401, "unauthenticated");
        }
    }

    [Fact]
    public async Task A_revoked_clients_token_stops_working_at_once_and_it_can_get_no_other()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);
        var token = (await RequestTokenAsync(client)).AccessToken;

        using (var revoked = await Host.SendAsync(HttpMethod.Delete, $"v1/oauth/clients/{client.ClientId}", merchant.SecretKey))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using var refused = await Host.SendAsync(HttpMethod.Get, "v1/payments", token);
        await Problem.AssertAsync(refused, 401, "unauthenticated");
        Assert.Equal("invalid_client", ErrorOf(await RequestTokenAsync(client)));
        using var list = await Host.SendAsync(HttpMethod.Get, "v1/oauth/clients", merchant.SecretKey);
        Assert.DoesNotContain(client.ClientId, await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_published_keys_verify_the_token_for_a_resource_server_that_pins_issuer_audience_and_algorithm()
    {
        var client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);
        var token = (await RequestTokenAsync(client)).AccessToken!;
        using var metadata = JsonDocument.Parse(await Host.Client.GetStringAsync(".well-known/oauth-authorization-server"));
        var issuer = metadata.RootElement.GetProperty("issuer").GetString()!;
        var jwks = new JsonWebKeySet(await Host.Client.GetStringAsync(".well-known/jwks.json"));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = issuer + "/v1",
            ValidAlgorithms = ["ES256"],
            ValidTypes = ["at+jwt"],
            IssuerSigningKeys = jwks.GetSigningKeys(),
            // The host runs on a test clock a little ahead of the wall.
            ValidateLifetime = false,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(client.ClientId, result.Claims["client_id"]);
        Assert.Equal(client.ClientId, result.Claims["sub"]);
        Assert.Contains("client_credentials", metadata.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(grant => grant.GetString()));
    }

    /// <summary>The RFC 6749 error of a refusal: the client library reports a 401 as an HTTP error and leaves the body to read.</summary>
    private static string? ErrorOf(TokenResponse response) => JsonDocument.Parse(response.Raw!).RootElement.GetProperty("error").GetString();

    private static string Encode(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));

    private async Task<List<TableEntity>> AuditRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }
}
