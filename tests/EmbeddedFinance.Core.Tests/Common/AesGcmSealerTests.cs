using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Core.Protection;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class AesGcmSealerTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("the response body");
    private static readonly byte[] Where = Encoding.UTF8.GetBytes("platform|idem|abc");

    [Fact]
    public void A_sealed_value_opens_with_the_same_key_and_associated_data()
    {
        var sealedBytes = AesGcmSealer.Seal(Key, Plaintext, Where);

        Assert.Equal(Plaintext, AesGcmSealer.Open(Key, sealedBytes, Where));
        Assert.NotEqual(sealedBytes, AesGcmSealer.Seal(Key, Plaintext, Where));
    }

    [Fact]
    public void A_value_moved_elsewhere_fails_to_open() =>
        Assert.ThrowsAny<CryptographicException>(() => AesGcmSealer.Open(Key, AesGcmSealer.Seal(Key, Plaintext, Where), Encoding.UTF8.GetBytes("platform|idem|xyz")));

    [Fact]
    public void A_tampered_value_fails_to_open()
    {
        var sealedBytes = AesGcmSealer.Seal(Key, Plaintext, Where);
        sealedBytes[14] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => AesGcmSealer.Open(Key, sealedBytes, Where));
    }

    [Fact]
    public void Another_key_fails_to_open() =>
        Assert.ThrowsAny<CryptographicException>(() => AesGcmSealer.Open(RandomNumberGenerator.GetBytes(32), AesGcmSealer.Seal(Key, Plaintext, Where), Where));
}
