using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Duende.IdentityModel.Client;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.OAuth;

/// <summary>
/// RFC 8705 end to end over real TLS: a client registered with its certificate's thumbprint gets a token only over a
/// connection presenting that certificate, and the token works only over such a connection.
/// </summary>
public sealed class CertificateBoundTokenTests : HostedTest
{
    private readonly X509Certificate2 partner = TestCertificates.SelfSigned("partner");
    private readonly X509Certificate2 stranger = TestCertificates.SelfSigned("stranger");
    private RegisteredClient client = null!;

    protected override bool UsesHttps => true;

    protected override async Task ArrangeAsync()
    {
        var merchant = await Host.CreateMerchantAsync();
        // Registered as openssl prints it (uppercase, colons), as a partner would paste it.
        var fingerprint = string.Join(':', Convert.FromHexString(CertificateThumbprint.Sha256Hex(partner.RawData)).Select(b => b.ToString("X2")));
        client = await RegisteredClient.RegisterAsync(Host, merchant.SecretKey, ["payments:read"], fingerprint);
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

        foreach (var http in new[] { anonymous, impostor, Host.Client })
        {
            var refused = await RequestTokenAsync(http, forwarded: partner);
            using var body = JsonDocument.Parse(refused.Raw!);
            Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (refused.HttpStatusCode, body.RootElement.GetProperty("error").GetString()));
        }
    }

    private async Task<string> TokenAsync(HttpClient http)
    {
        var response = await RequestTokenAsync(http, forwarded: null);
        Assert.False(response.IsError, response.Raw);
        return response.AccessToken!;
    }

    /// <summary>A standard client's token request (Duende.IdentityModel), as a partner makes it.</summary>
    private async Task<TokenResponse> RequestTokenAsync(HttpClient http, X509Certificate2? forwarded)
    {
        using var request = new ClientCredentialsTokenRequest
        {
            Address = new Uri(http.BaseAddress!, "oauth/token").ToString(),
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
        };
        // What a client could send to claim a certificate it does not hold; the option is off outside App Service.
        if (forwarded is not null) request.Headers.Add(ClientCertificates.ForwardedHeader, Convert.ToBase64String(forwarded.RawData));
        return await http.RequestClientCredentialsTokenAsync(request);
    }

    private static async Task<HttpStatusCode> ListPaymentsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/payments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        partner.Dispose();
        stranger.Dispose();
    }
}
