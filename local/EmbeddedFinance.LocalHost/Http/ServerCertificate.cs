using System.Security.Cryptography.X509Certificates;

namespace EmbeddedFinance.LocalHost.Http;

/// <summary>The certificate the https endpoint serves, for a client that must trust exactly it (the tests).</summary>
public sealed class ServerCertificate(X509Certificate2 certificate) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public void Dispose() => Certificate.Dispose();
}
