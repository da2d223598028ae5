using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Tests.Protection;

/// <summary>Known values computed outside .NET: <c>openssl x509 -outform der | sha256sum</c>, <c>-fingerprint -sha256</c> and <c>basenc --base64url</c>.</summary>
public sealed class CertificateThumbprintTests
{
    private static readonly byte[] Der = Convert.FromBase64String(
        "MIIBiDCCAS+gAwIBAgIUF39AAdK+Rq8M5Ak5uIXsTv6D0pgwCgYIKoZIzj0EAwIwGjEYMBYGA1UEAwwPcGFydG5lci5leGFtcGxlMB4XDTI2MTIwMjAzNTY1MloXDTM2MTEy" +
        "OTAzNTY1MlowGjEYMBYGA1UEAwwPcGFydG5lci5leGFtcGxlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAES6eFgUowjqKbRqIUewvX+ZkaWGpcx/7uuoQ2fVY+bzgth9Ne" +
        "i9vvzOAwuyETVQUID4GkI8DTtzyLlDz4gbh2M6NTMFEwHQYDVR0OBBYEFDUEmQESBe2dyTlaHo+71soTMWwVMB8GA1UdIwQYMBaAFDUEmQESBe2dyTlaHo+71soTMWwVMA8G" +
        "A1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgOTwr0bqp1HFcWiDJkWhSH7j1NR15rA6zQmjxLNKRd3ACIBxr2YZB/kiQVvGQedWfYRsHMNcSn+2e3NBt/3CXF8UZ");

    private const string Hex = "44787deb38d83f27e23c0a84d2094e812f72be66c345d8bacbf783292e9d9ebc";
    private const string OpenSslFingerprint = "44:78:7D:EB:38:D8:3F:27:E2:3C:0A:84:D2:09:4E:81:2F:72:BE:66:C3:45:D8:BA:CB:F7:83:29:2E:9D:9E:BC";
    private const string X5tS256 = "RHh96zjYPyfiPAqE0glOgS9yvmbDRdi6y_eDKS6dnrw";

    [Fact]
    public void The_hex_thumbprint_is_the_lowercase_sha256_of_the_der_certificate() =>
        Assert.Equal(Hex, CertificateThumbprint.Sha256Hex(Der));

    [Fact]
    public void The_x5t_S256_thumbprint_is_base64url_without_padding() =>
        Assert.Equal(X5tS256, CertificateThumbprint.Sha256Base64Url(Der));

    [Theory]
    [InlineData(Hex)]
    [InlineData("44787DEB38D83F27E23C0A84D2094E812F72BE66C345D8BACBF783292E9D9EBC")]
    [InlineData(OpenSslFingerprint)]
    [InlineData("44:78:7d:eb:38:d8:3f:27:e2:3c:0a:84:d2:09:4e:81:2f:72:be:66:c3:45:d8:ba:cb:f7:83:29:2e:9d:9e:bc")]
    public void Hex_in_either_case_with_or_without_colons_normalizes_to_lowercase_digits(string text)
    {
        Assert.True(CertificateThumbprint.TryNormalizeHex(text, out var normalized));
        Assert.Equal(Hex, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a9993e364706816aba3e25717850c26c9cd0d89d")] // SHA-1 (40 digits)
    [InlineData(Hex + "00")]
    [InlineData("g4787deb38d83f27e23c0a84d2094e812f72be66c345d8bacbf783292e9d9ebc")]
    [InlineData(" 44787deb38d83f27e23c0a84d2094e812f72be66c345d8bacbf783292e9d9eb")]
    [InlineData("4478:7DEB:38D8:3F27:E23C:0A84:D209:4E81:2F72:BE66:C345:D8BA:CBF7:8329:2E9D:9EBC")]
    [InlineData("44::78:7D:EB:38:D8:3F:27:E2:3C:0A:84:D2:09:4E:81:2F:72:BE:66:C3:45:D8:BA:CB:F7:83:29:2E:9D:9E:BC")]
    [InlineData(":" + OpenSslFingerprint)]
    public void Anything_but_64_hex_digits_is_refused(string? text)
    {
        Assert.False(CertificateThumbprint.TryNormalizeHex(text, out var normalized));
        Assert.Equal("", normalized);
    }

    [Fact]
    public void A_hex_thumbprint_converts_to_the_x5t_S256_form_of_the_same_certificate()
    {
        Assert.Equal(X5tS256, CertificateThumbprint.HexToBase64Url(Hex));
        Assert.Equal(X5tS256, CertificateThumbprint.HexToBase64Url(OpenSslFingerprint));
    }

    [Fact]
    public void An_x5t_S256_thumbprint_converts_back_to_lowercase_hex() =>
        Assert.Equal(Hex, CertificateThumbprint.Base64UrlToHex(X5tS256));

    [Fact]
    public void Converting_something_that_is_not_a_thumbprint_throws() =>
        Assert.Throws<FormatException>(() => CertificateThumbprint.HexToBase64Url("not hex"));
}
