using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.OAuth;

/// <summary>
/// Bad input to the token endpoint: every answer is a 4xx in RFC 6749 §5.2's shape with one of its error codes, never
/// a token, never a 500, and nothing is written. (The every-route suite checks the problem+json routes; this one's errors
/// are OAuth's.)
/// </summary>
public sealed class OAuthTokenEndpointTests : HostedTest
{
    private static readonly HashSet<string> OAuthErrors = ["invalid_request", "invalid_client", "invalid_scope", "unsupported_grant_type"];

    private RegisteredClient client = null!;

    protected override async Task ArrangeAsync()
    {
        var merchant = await Host.CreateMerchantAsync("Ride Co");
        client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"]);
    }

    [Fact]
    public async Task Every_bad_token_request_is_an_RFC_6749_error_and_changes_nothing()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}"));
        var requests = new (string What, string? Authorization, HttpContent? Content)[]
        {
            ("no body", basic, null),
            ("a JSON body", basic, new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json")),
            ("no grant", basic, Form("scope=payments:read")),
            ("the password grant", basic, Form("grant_type=password&username=a&password=b")),
            ("a repeated grant", basic, Form("grant_type=client_credentials&grant_type=client_credentials")),
            ("credentials twice", basic, Form($"grant_type=client_credentials&client_secret={client.Secret}")),
            ("no client authentication", null, Form("grant_type=client_credentials")),
            ("a bearer key", "Bearer sk_test_" + new string('x', 32), Form("grant_type=client_credentials")),
            ("malformed Basic", "Basic %%%", Form("grant_type=client_credentials")),
            ("an unknown scope", basic, Form("grant_type=client_credentials&scope=cards:read")),
            ("an empty scope", basic, Form("grant_type=client_credentials&scope=")),
            ("a scope beyond the client's", basic, Form("grant_type=client_credentials&scope=payments:write")),
            ("a huge client id", null, Form($"grant_type=client_credentials&client_id={new string('c', 2000)}&client_secret=x")),
            ("a body over 8 KB", basic, Form("grant_type=client_credentials&pad=" + new string('p', 9000))),
            ("a multipart body", basic, new MultipartFormDataContent { { new StringContent("client_credentials"), "grant_type" } }),
        };
        var before = string.Join('\n', await Host.DumpTablesAsync(auditTrail: false));

        foreach (var (what, authorization, content) in requests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = content };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await Host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {text}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{what}: {response.Content.Headers.ContentType} {text}");
            using var body = JsonDocument.Parse(text);
            Assert.True(OAuthErrors.Contains(body.RootElement.GetProperty("error").GetString()!), $"{what}: {text}");
            Assert.False(body.RootElement.TryGetProperty("access_token", out _), what);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }

        // Refusals of the known client are audited (OAuthFlowTests reads those entries); nothing else is written.
        Assert.Equal(before, string.Join('\n', await Host.DumpTablesAsync(auditTrail: false)));
    }

    private static FormUrlEncodedContentLike Form(string body) => new(body);

    /// <summary>A form body written as is, so a test can send what FormUrlEncodedContent would refuse to build (repeats, huge values).</summary>
    private sealed class FormUrlEncodedContentLike : StringContent
    {
        public FormUrlEncodedContentLike(string body) : base(body, Encoding.UTF8) =>
            Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
    }
}
