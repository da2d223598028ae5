using EmbeddedFinance.Core.Protection;
using Microsoft.AspNetCore.Http;

namespace EmbeddedFinance.Functions.Http;

/// <summary>The client certificate of a request (placeholder until the forwarded-header support lands).</summary>
public sealed class ClientCertificates
{
    /// <summary>The <c>x5t#S256</c> of the connection's client certificate, or null.</summary>
    public async Task<string?> ThumbprintAsync(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        return certificate is null ? null : CertificateThumbprint.Sha256Base64Url(certificate.RawData);
    }
}
