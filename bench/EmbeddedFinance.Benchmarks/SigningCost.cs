using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// What one webhook signature costs in process, per scheme, over a payment event's signed content: the key read
/// from its stored form and the signature made, as <see cref="WebhookSecrets"/> does for every attempt.
/// </summary>
public static class SigningCost
{
    private const int Iterations = 20_000;

    public static void Run(TextWriter output)
    {
        var content = Encoding.UTF8.GetBytes("evt_01HZX3K8J4Q2V7N5T9B6C1D0EF.1717171717." + new string('x', 1_200));
        var hmacKey = WebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ed25519Key = Ed25519Signing.NewPrivateKey();
        var hmac = Measure(() => HMACSHA256.HashData(Convert.FromBase64String(hmacKey[WebhookSecrets.Prefix.Length..]), content));
        var ed25519 = Measure(() => Ed25519Signing.Sign(ed25519Key, content));
        output.WriteLine($"signing a {content.Length}-byte content: hmac-sha256 {hmac:0.0} µs, ed25519 {ed25519:0.0} µs per signature (ed25519 ÷ hmac {ed25519 / hmac:0.0})");
    }

    private static double Measure(Action sign)
    {
        for (var i = 0; i < 1_000; i++) sign();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++) sign();
        return watch.Elapsed.TotalMicroseconds / Iterations;
    }
}
