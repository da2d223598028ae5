using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EmbeddedFinance.LocalHost.Http;

/// <summary>
/// An optional https endpoint beside the http ones, so certificate-bound tokens (RFC 8705) can be tried locally: it asks
/// every client for a certificate and accepts any, or none. Binding compares the certificate's thumbprint with the one
/// the client registered (RFC 8705 §2.2, the self-signed certificate method), so the chain is not checked here.
/// </summary>
public static class HttpsEndpoint
{
    /// <summary>E.g. <c>https://127.0.0.1:7443</c> (port 0: any free port). Unset: no https endpoint.</summary>
    public const string UrlSetting = "DevelopmentHost:HttpsUrl";

    /// <summary>A PFX to serve instead of the certificate made at each start (e.g. one the browser already trusts).</summary>
    public const string CertificatePathSetting = "DevelopmentHost:HttpsCertificatePath";

    public const string CertificatePasswordSetting = "DevelopmentHost:HttpsCertificatePassword";

    /// <summary>Adds the endpoint if <see cref="UrlSetting"/> is set; the http URLs stay as they are.</summary>
    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        var url = builder.Configuration[UrlSetting];
        if (string.IsNullOrWhiteSpace(url)) return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"'{UrlSetting}' must be an https URL such as https://127.0.0.1:7443.");
        }
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(_ => new ServerCertificate(Load(configuration) ?? Generate()));
        // Kestrel serves only its explicit Listen endpoints once there is one, so the https URL joins the URL list instead.
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        builder.WebHost.UseUrls(string.IsNullOrEmpty(urls) ? url : $"{urls};{url}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            // Resolved, not captured: the container made it, so the container disposes it (and its key) with the host.
            https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<ServerCertificate>().Certificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        }));
    }

    private static X509Certificate2? Load(IConfiguration configuration) =>
        configuration[CertificatePathSetting] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting])
            : null;

    private static X509Certificate2 Generate()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        return SelfSignedCertificate.Create("localhost", SelfSignedCertificate.ServerAuthentication, TimeSpan.FromDays(30), names);
    }
}
