using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EmbeddedFinance.LocalHost.Http;

/// <summary>Self-signed ECDSA P-256 certificates with their private keys, made in memory: the development server's and the test clients'.</summary>
public static class SelfSignedCertificate
{
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>
    /// Valid from five minutes ago (a clock a little behind still accepts it) for <paramref name="lifetime"/>. Round-tripped
    /// through PKCS#12 because a key that exists only in memory (ephemeral) is refused by some TLS stacks, on either side
    /// of the handshake; one loaded from PKCS#12 is accepted everywhere.
    /// </summary>
    public static X509Certificate2 Create(string subject, Oid purpose, TimeSpan lifetime, SubjectAlternativeNameBuilder? names = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={subject}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([purpose], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        if (names is not null) request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now + lifetime);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
