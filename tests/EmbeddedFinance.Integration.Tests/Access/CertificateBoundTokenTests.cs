using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Access;

/// <summary>
/// RFC 8705 end to end over real TLS: a client registered with its certificate's thumbprint gets a token only over a
/// connection presenting that certificate, and the token works only over such a connection.
/// </summary>
public sealed class CertificateBoundTokenTests : HostedTest
{
    private readonly X509Certificate2 partner = TestCertificates.SelfSigned("partner");
    private readonly X509Certificate2 stranger = TestCertificates.SelfSigned("stranger");
    private string clientId = "";
    private string clientSecret = "";

    protected override bool UsesHttps => true;

    protected override async Task ArrangeAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        // Registered as openssl prints it (uppercase, colons), as a partner would paste it.
        var fingerprint = string.Join(':', Convert.FromHexString(CertificateThumbprint.Sha256Hex(partner.RawData)).Select(b => b.ToString("X2")));
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/oauth/clients", merchant.SecretKey,
            new { name = "Partner", scopes = new[] { "payments:read" }, certificate_thumbprint = fingerprint });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        clientId = json.RootElement.GetProperty("client_id").GetString()!;
        clientSecret = json.RootElement.GetProperty("client_secret").GetString()!;
    }

    [Fact]
    public async Task A_token_taken_with_the_certificate_works_only_over_a_connection_presenting_it()
    {
        using var presenting = Host.CreateHttpsClient(partner);
        using var anonymous = Host.CreateHttpsClient(null);
        using var impostor = Host.CreateHttpsClient(stranger);
        var token = await TokenAsync(presenting);

        Assert.Equal(HttpStatusCode.OK, await ListPaymentsAsync(presenting, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListPaymentsAsync(anonymous, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListPaymentsAsync(impostor, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListPaymentsAsync(Host.Client, token));
    }

    [Fact]
    public async Task A_bound_client_gets_no_token_without_its_certificate_even_claiming_it_in_the_forwarded_header()
    {
        using var anonymous = Host.CreateHttpsClient(null);
        using var impostor = Host.CreateHttpsClient(stranger);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(anonymous, forwarded: partner)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(impostor, forwarded: partner)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(Host.Client, forwarded: partner)).StatusCode);
    }

    private async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await RequestTokenAsync(client, forwarded: null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, X509Certificate2? forwarded)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
            }),
        };
        // What a client could send to claim a certificate it does not hold; the option is off outside App Service.
        if (forwarded is not null) request.Headers.Add("X-ARR-ClientCert", Convert.ToBase64String(forwarded.RawData));
        return await client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> ListPaymentsAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/payments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        partner.Dispose();
        stranger.Dispose();
    }
}
