using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>Client certificates made in the test, as a partner makes one for RFC 8705's self-signed certificate method.</summary>
public static class TestCertificates
{
    /// <summary>
    /// A self-signed ECDSA P-256 certificate with its private key, valid for an hour around now. Round-tripped through
    /// PKCS#12 because a certificate whose key exists only in memory (ephemeral) is refused by some TLS stacks when
    /// HttpClientHandler presents it; one loaded from PKCS#12 is accepted everywhere.
    /// </summary>
    public static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
