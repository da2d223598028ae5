using System.Net;
using System.Security.Cryptography.X509Certificates;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

/// <summary>The development host's optional https endpoint: off unless asked for, and serving a configured PFX instead of its own certificate.</summary>
public sealed class HttpsEndpointTests
{
    [Fact]
    public async Task Without_the_setting_the_host_serves_http_alone()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Null(host.HttpsAddress);
        Assert.Null(host.Services.GetService<ServerCertificate>());
    }

    [Fact]
    public async Task A_configured_pfx_is_served_instead_of_a_generated_certificate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dev-https-{Guid.NewGuid():N}.pfx");
        using var configured = SelfSignedCertificate.Create("configured.localhost", SelfSignedCertificate.ServerAuthentication, TimeSpan.FromHours(1));
        await File.WriteAllBytesAsync(path, configured.Export(X509ContentType.Pkcs12, "pfx-password"));
        try
        {
            await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
            {
                [HttpsEndpoint.CertificatePathSetting] = path,
                [HttpsEndpoint.CertificatePasswordSetting] = "pfx-password",
            }, https: true);
            using var client = host.CreateHttpsClient(null);

            using var response = await client.GetAsync("health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(configured.RawData, host.Services.GetRequiredService<ServerCertificate>().Certificate.RawData);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
