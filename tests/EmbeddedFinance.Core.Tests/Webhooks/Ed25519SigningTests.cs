using System.Text;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Core.Tests.Webhooks;

public sealed class Ed25519SigningTests
{
    [Fact]
    public void A_key_gives_a_whpk_raw_public_key_and_v1a_signatures_of_64_bytes_that_differ_per_content()
    {
        var key = Ed25519Signing.NewPrivateKey();

        var publicKey = Ed25519Signing.PublicKeyOf(key);
        var signature = Ed25519Signing.Sign(key, Encoding.UTF8.GetBytes("msg_1.1700000000.{}"));

        Assert.StartsWith("whpk_", publicKey, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(publicKey[5..]).Length);
        Assert.StartsWith("v1a,", signature, StringComparison.Ordinal);
        Assert.Equal(64, Convert.FromBase64String(signature[4..]).Length);
        Assert.Equal(signature, Ed25519Signing.Sign(key, Encoding.UTF8.GetBytes("msg_1.1700000000.{}")));
        Assert.NotEqual(signature, Ed25519Signing.Sign(key, Encoding.UTF8.GetBytes("msg_1.1700000000.{ }")));
        Assert.DoesNotContain(key.Reveal()[5..], publicKey, StringComparison.Ordinal);
    }
}
