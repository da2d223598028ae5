using System.Security.Cryptography.X509Certificates;
using EmbeddedFinance.LocalHost.Http;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>Client certificates made in the test, as a partner makes one for RFC 8705's self-signed certificate method.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed client certificate with its private key, valid for an hour, that HttpClientHandler can present.</summary>
    public static X509Certificate2 SelfSigned(string subject) =>
        SelfSignedCertificate.Create(subject, SelfSignedCertificate.ClientAuthentication, TimeSpan.FromHours(1));
}
