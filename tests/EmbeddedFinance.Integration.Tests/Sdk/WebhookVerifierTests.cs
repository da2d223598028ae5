using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Client;
using EmbeddedFinance.Client.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using StandardWebhooks;
using WebhookVerificationException = EmbeddedFinance.Client.Webhooks.WebhookVerificationException;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>
/// The SDK's <see cref="WebhookVerifier"/> against Standard Webhooks as the public <c>StandardWebhooks</c> package
/// implements it (both directions), rotation overlaps, ed25519 (<c>v1a</c>, <c>whpk_</c>), replay windows and tampering.
/// </summary>
public sealed class WebhookVerifierTests
{
    private const string Body = """{"id":"evt_1","object":"event","type":"payment.succeeded","created":1764633600,"livemode":false,"api_version":"2026-12-02","data":{"object":{"id":"pay_1","object":"payment","amount":2000,"currency":"usd","status":"succeeded","card":{"brand":"visa","last4":"4242"}}}}""";
    private static readonly DateTimeOffset SentAt = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);

    private static WebhookVerifier Verifier(params string[] keys) => new(keys, null, new FakeTimeProvider(SentAt.AddSeconds(30)));

    private static Func<string, string?> Headers(string id, DateTimeOffset at, string signature) => name => name switch
    {
        WebhookHeaders.Id => id,
        WebhookHeaders.Timestamp => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        WebhookHeaders.Signature => signature,
        _ => null,
    };

    [Fact]
    public void A_delivery_signed_by_the_StandardWebhooks_package_verifies_and_parses_into_a_typed_event()
    {
        var secret = WebhookSigner.NewSecret();
        var signature = new StandardWebhook(secret).Sign("evt_1", SentAt, Body);

        var verified = Verifier(secret).Verify(Body, Headers("evt_1", SentAt, signature));

        Assert.Equal("payment.succeeded", verified.Type);
        var payment = Assert.IsType<Payment>(verified.DataObject);
        Assert.Equal(("pay_1", 2000L, "4242"), (payment.Id, payment.Amount, payment.Card.Last4));
    }

    [Fact]
    public void A_signature_made_by_the_SDK_signer_verifies_with_the_StandardWebhooks_package()
    {
        var secret = WebhookSigner.NewSecret();
        var now = DateTimeOffset.UtcNow;
        var headers = new WebhookSigner(secret).Headers("evt_1", now, Body);

        new StandardWebhook(secret).Verify(Body, new HeaderDictionary(headers.ToDictionary(pair => pair.Key, pair => new Microsoft.Extensions.Primitives.StringValues(pair.Value))));
        Assert.Equal(headers[WebhookHeaders.Signature], new StandardWebhook(secret).Sign("evt_1", now, Body));
    }

    [Fact]
    public void During_a_rotation_either_secret_verifies_whichever_signature_comes_first()
    {
        var (old, current) = (WebhookSigner.NewSecret(), WebhookSigner.NewSecret());
        var header = $"{new WebhookSigner(current).Sign("evt_1", SentAt, Body)} {new WebhookSigner(old).Sign("evt_1", SentAt, Body)}";

        Assert.Equal("evt_1", Verifier(old).Verify(Body, Headers("evt_1", SentAt, header)).Id);
        Assert.Equal("evt_1", Verifier(current).Verify(Body, Headers("evt_1", SentAt, header)).Id);
        Assert.Throws<WebhookVerificationException>(() => Verifier(WebhookSigner.NewSecret()).Verify(Body, Headers("evt_1", SentAt, header)));
    }

    [Fact]
    public void An_ed25519_v1a_signature_verifies_with_its_whpk_public_key_and_no_other()
    {
        var (privateKey, publicKey) = NewEd25519();
        var other = NewEd25519().Public;
        var signature = "v1a," + Convert.ToBase64String(SignEd25519(privateKey, $"evt_1.{SentAt.ToUnixTimeSeconds()}.{Body}"));

        Assert.Equal("payment.succeeded", Verifier(publicKey).Verify(Body, Headers("evt_1", SentAt, signature)).Type);
        Assert.Throws<WebhookVerificationException>(() => Verifier(other).Verify(Body, Headers("evt_1", SentAt, signature)));
        // Mixed header, as an endpoint moving from HMAC to ed25519 would send: the verifier holding only the public key finds its signature.
        var hmac = new WebhookSigner(WebhookSigner.NewSecret()).Sign("evt_1", SentAt, Body);
        Assert.Equal("evt_1", Verifier(publicKey).Verify(Body, Headers("evt_1", SentAt, $"{hmac} {signature}")).Id);
        // A v1a signature is not an HMAC: a verifier with only secrets rejects it.
        Assert.Throws<WebhookVerificationException>(() => Verifier(WebhookSigner.NewSecret()).Verify(Body, Headers("evt_1", SentAt, signature)));
    }

    [Fact]
    public void A_tampered_body_id_or_timestamp_is_rejected()
    {
        var secret = WebhookSigner.NewSecret();
        var signature = new WebhookSigner(secret).Sign("evt_1", SentAt, Body);
        var verifier = Verifier(secret);

        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body.Replace("2000", "9000", StringComparison.Ordinal), Headers("evt_1", SentAt, signature)));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, Headers("evt_2", SentAt, signature)));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, Headers("evt_1", SentAt.AddSeconds(1), signature)));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, Headers("evt_1", SentAt, "v1,not-base64!")));
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, _ => null));
        Assert.Equal("evt_1", verifier.Verify(Body, Headers("evt_1", SentAt, signature)).Id);
    }

    [Fact]
    public void A_delivery_outside_the_tolerance_is_rejected_either_way()
    {
        var secret = WebhookSigner.NewSecret();
        var signer = new WebhookSigner(secret);
        var clock = new FakeTimeProvider(SentAt);
        var verifier = new WebhookVerifier([secret], TimeSpan.FromMinutes(5), clock);

        var old = SentAt.AddMinutes(-5).AddSeconds(-1);
        var future = SentAt.AddMinutes(5).AddSeconds(1);
        var edge = SentAt.AddMinutes(-5);
        Assert.Contains("too old", Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, Headers("evt_1", old, signer.Sign("evt_1", old, Body)))).Message);
        Assert.Contains("future", Assert.Throws<WebhookVerificationException>(() => verifier.Verify(Body, Headers("evt_1", future, signer.Sign("evt_1", future, Body)))).Message);
        Assert.Equal("evt_1", verifier.Verify(Body, Headers("evt_1", edge, signer.Sign("evt_1", edge, Body))).Id);
    }

    [Fact]
    public void Keys_that_are_neither_whsec_nor_a_32_byte_whpk_are_refused_up_front()
    {
        Assert.Throws<ArgumentException>(() => new WebhookVerifier("sk_test_123"));
        Assert.Throws<ArgumentException>(() => new WebhookVerifier("whpk_" + Convert.ToBase64String(new byte[31])));
        Assert.Throws<ArgumentException>(() => new WebhookVerifier(Array.Empty<string>()));
    }

    internal static (Ed25519PrivateKeyParameters Private, string Public) NewEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return ((Ed25519PrivateKeyParameters)pair.Private, "whpk_" + Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()));
    }

    internal static byte[] SignEd25519(Ed25519PrivateKeyParameters key, string content)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var bytes = Encoding.UTF8.GetBytes(content);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }
}
