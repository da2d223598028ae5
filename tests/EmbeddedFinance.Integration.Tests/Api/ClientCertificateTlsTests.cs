using System.Net;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.Integration.Tests.LocalHost;
using EmbeddedFinance.LocalHost.Metadata;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>
/// Over real sockets: the development host's https endpoint asks for a client certificate without requiring one, and
/// <see cref="ClientCertificates"/> sees exactly the certificate the client presented, and never one it only claims.
/// </summary>
public sealed class ClientCertificateTlsTests : HostedTest
{
    private const string ProbeRoute = "probe/certificate";

    protected override bool UsesHttps => true;

    protected override IEnumerable<FunctionMetadata> ExtraFunctions =>
        [ProbeMetadata.Http("CertificateProbe", typeof(CertificateProbe), nameof(CertificateProbe.ThumbprintAsync), ProbeRoute)];

    [Fact]
    public async Task Health_answers_over_https_with_and_without_a_client_certificate()
    {
        using var certificate = TestCertificates.SelfSigned("partner-health");
        using var anonymous = Host.CreateHttpsClient(null);
        using var presenting = Host.CreateHttpsClient(certificate);

        using var without = await anonymous.GetAsync("health");
        using var with = await presenting.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task The_service_sees_the_thumbprint_of_the_certificate_the_client_presented()
    {
        using var certificate = TestCertificates.SelfSigned("partner-bound");
        using var client = Host.CreateHttpsClient(certificate);

        var seen = await client.GetStringAsync(ProbeRoute);

        Assert.Equal(CertificateThumbprint.Sha256Hex(certificate.RawData), seen);
    }

    [Fact]
    public async Task Over_https_without_a_certificate_the_service_sees_none()
    {
        using var client = Host.CreateHttpsClient(null);

        Assert.Equal(CertificateProbe.None, await client.GetStringAsync(ProbeRoute));
    }

    [Fact]
    public async Task Over_plain_http_the_service_sees_none() =>
        Assert.Equal(CertificateProbe.None, await Host.Client.GetStringAsync(ProbeRoute));

    [Fact]
    public async Task A_forwarded_certificate_header_sent_by_the_client_is_ignored_when_the_option_is_off()
    {
        using var claimed = TestCertificates.SelfSigned("someone-else");
        using var presented = TestCertificates.SelfSigned("partner-presenting");
        var header = Convert.ToBase64String(claimed.RawData);

        using var plain = new HttpRequestMessage(HttpMethod.Get, ProbeRoute) { Headers = { { ClientCertificates.ForwardedHeader, header } } };
        using var plainResponse = await Host.Client.SendAsync(plain);
        using var client = Host.CreateHttpsClient(presented);
        using var tls = new HttpRequestMessage(HttpMethod.Get, ProbeRoute) { Headers = { { ClientCertificates.ForwardedHeader, header } } };
        using var tlsResponse = await client.SendAsync(tls);

        Assert.Equal(CertificateProbe.None, await plainResponse.Content.ReadAsStringAsync());
        Assert.Equal(CertificateThumbprint.Sha256Hex(presented.RawData), await tlsResponse.Content.ReadAsStringAsync());
    }
}
