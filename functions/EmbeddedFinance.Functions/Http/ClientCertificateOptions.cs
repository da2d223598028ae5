using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Functions.Http;

/// <summary>Where a request's client certificate may come from besides the TLS connection this process terminates.</summary>
public sealed class ClientCertificateOptions : ISelfValidatingOptions
{
    public const string Section = "ClientCertificates";

    /// <summary>
    /// True only behind Azure App Service's front end with client certificates enabled: it terminates TLS and puts the
    /// client's certificate in <c>X-ARR-ClientCert</c>, overwriting any such header the client sent. Anywhere else the
    /// header is whatever the client chose to write, so trusting it would let anyone claim any certificate.
    /// </summary>
    public bool TrustForwardedHeader { get; set; }

    // A flag has no malformed value that binding lets through: "yes" fails at start-up, naming the setting.
    public string? Problem() => null;
}
