using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EmbeddedFinance.Core.Protection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// The DER bytes of the certificate a request's client presented, the input to RFC 8705 certificate binding (which
/// compares thumbprints, so the chain is never validated here). The TLS connection's own certificate wins; the front
/// end's <see cref="ForwardedHeader"/> counts only when <see cref="ClientCertificateOptions.TrustForwardedHeader"/> says
/// this process runs behind a front end that sets it.
/// </summary>
public sealed class ClientCertificates(IOptions<ClientCertificateOptions> options, ILogger<ClientCertificates> logger)
{
    /// <summary>Base64 DER of the client's certificate, set by Azure App Service's front end (which terminates TLS there).</summary>
    public const string ForwardedHeader = "X-ARR-ClientCert";

    private readonly bool trustForwardedHeader = options.Value.TrustForwardedHeader;

    /// <summary>Null when the request came with no certificate this process can trust to be the client's.</summary>
    public async Task<byte[]?> DerAsync(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (certificate is not null) return certificate.RawData;
        return trustForwardedHeader ? FromForwardedHeader(context.Request) : null;
    }

    /// <summary>The <c>x5t#S256</c> of the client's certificate (what a certificate-bound token's <c>cnf</c> carries), or null.</summary>
    public async Task<string?> ThumbprintAsync(HttpContext context) =>
        await DerAsync(context) is { } der ? CertificateThumbprint.Sha256Base64Url(der) : null;

    private byte[]? FromForwardedHeader(HttpRequest request)
    {
        var values = request.Headers[ForwardedHeader];
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0]))) return null;
        if (values.Count == 1 && Parse(values[0]!) is { } der) return der;
        // Never the value: it is the client's to choose where the front end lets a header through, and logs are read by people.
        logger.LogWarning("The {Header} header is not one base64 DER certificate; the request is treated as having no client certificate", ForwardedHeader);
        return null;
    }

    /// <summary>The DER bytes if the text is base64 of one X.509 certificate; a binding must never rest on bytes that are not one.</summary>
    private static byte[]? Parse(string text)
    {
        var buffer = new byte[text.Length * 3 / 4];
        if (!Convert.TryFromBase64String(text, buffer, out var written)) return null;
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(buffer.AsSpan(0, written));
            return certificate.RawData;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
