using System.Security.Cryptography.X509Certificates;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>Where <see cref="ClientCertificates"/> takes a request's certificate from, without a socket (the tests over TLS are ClientCertificateTlsTests).</summary>
public sealed class ClientCertificatesTests
{
    private readonly CapturedLogs logs = new();

    [Fact]
    public async Task The_connection_certificate_is_returned_as_der()
    {
        using var certificate = TestCertificates.SelfSigned("partner");
        var context = new DefaultHttpContext();
        context.Connection.ClientCertificate = certificate;

        Assert.Equal(certificate.RawData, await Service(trustForwardedHeader: false).DerAsync(context));
    }

    [Fact]
    public async Task The_thumbprint_is_the_x5t_S256_of_the_certificate_or_null_without_one()
    {
        using var certificate = TestCertificates.SelfSigned("bound");
        var context = new DefaultHttpContext();
        context.Connection.ClientCertificate = certificate;

        Assert.Equal(CertificateThumbprint.Sha256Base64Url(certificate.RawData), await Service(trustForwardedHeader: false).ThumbprintAsync(context));
        Assert.Null(await Service(trustForwardedHeader: false).ThumbprintAsync(new DefaultHttpContext()));
    }

    [Fact]
    public async Task A_certificate_the_connection_only_gives_when_asked_is_returned()
    {
        using var certificate = TestCertificates.SelfSigned("renegotiated");
        var context = new DefaultHttpContext();
        context.Features.Set<ITlsConnectionFeature>(new AskedForCertificate(certificate));

        Assert.Equal(certificate.RawData, await Service(trustForwardedHeader: false).DerAsync(context));
    }

    [Fact]
    public async Task A_request_without_certificate_or_header_has_none()
    {
        Assert.Null(await Service(trustForwardedHeader: true).DerAsync(new DefaultHttpContext()));
        Assert.Empty(logs.Lines);
    }

    [Fact]
    public async Task The_forwarded_header_is_ignored_unless_trusted()
    {
        using var certificate = TestCertificates.SelfSigned("claimed");
        var context = WithHeader(Convert.ToBase64String(certificate.RawData));

        Assert.Null(await Service(trustForwardedHeader: false).DerAsync(context));
        Assert.Empty(logs.Lines);
    }

    [Fact]
    public async Task A_trusted_forwarded_header_gives_the_certificate_it_carries()
    {
        using var certificate = TestCertificates.SelfSigned("forwarded");
        var context = WithHeader(Convert.ToBase64String(certificate.RawData));

        Assert.Equal(certificate.RawData, await Service(trustForwardedHeader: true).DerAsync(context));
    }

    [Fact]
    public async Task The_connection_certificate_wins_over_a_trusted_forwarded_header()
    {
        using var connection = TestCertificates.SelfSigned("connection");
        using var forwarded = TestCertificates.SelfSigned("forwarded");
        var context = WithHeader(Convert.ToBase64String(forwarded.RawData));
        context.Connection.ClientCertificate = connection;

        Assert.Equal(connection.RawData, await Service(trustForwardedHeader: true).DerAsync(context));
    }

    [Theory]
    [InlineData("not-base64-secret-value!")]
    [InlineData("c2VjcmV0LXZhbHVlLW5vdC1hLWNlcnQ=")] // base64 of text, not of a certificate
    public async Task A_malformed_trusted_header_gives_none_and_one_warning_without_its_value(string value)
    {
        var der = await Service(trustForwardedHeader: true).DerAsync(WithHeader(value));

        Assert.Null(der);
        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_trusted_headers_are_malformed()
    {
        using var first = TestCertificates.SelfSigned("first");
        using var second = TestCertificates.SelfSigned("second");
        var context = new DefaultHttpContext();
        context.Request.Headers.Append(ClientCertificates.ForwardedHeader, Convert.ToBase64String(first.RawData));
        context.Request.Headers.Append(ClientCertificates.ForwardedHeader, Convert.ToBase64String(second.RawData));

        Assert.Null(await Service(trustForwardedHeader: true).DerAsync(context));
        Assert.Single(logs.Lines);
    }

    private ClientCertificates Service(bool trustForwardedHeader) => new(
        Options.Create(new ClientCertificateOptions { TrustForwardedHeader = trustForwardedHeader }),
        new LoggerFactory([logs]).CreateLogger<ClientCertificates>());

    /// <summary>A TLS connection whose certificate is known only once asked for (Kestrel's delayed mode, renegotiation).</summary>
    private sealed class AskedForCertificate(X509Certificate2 certificate) : ITlsConnectionFeature
    {
        public X509Certificate2? ClientCertificate { get; set; }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(certificate);
    }

    private static DefaultHttpContext WithHeader(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientCertificates.ForwardedHeader] = value;
        return context;
    }
}
