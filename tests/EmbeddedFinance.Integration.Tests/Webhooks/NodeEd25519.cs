using System.Diagnostics;
using System.Text.Json;

namespace EmbeddedFinance.Integration.Tests.Webhooks;

/// <summary>
/// Checks Standard Webhooks <c>v1a,</c> signatures with an implementation that is not ours: Node's built-in
/// <c>crypto.verify</c> (OpenSSL's ed25519), given the <c>whpk_</c> key as a raw 32-byte public key.
/// </summary>
public static class NodeEd25519
{
    private const string Script = """
        const crypto = require('crypto');
        let input = '';
        process.stdin.on('data', chunk => input += chunk);
        process.stdin.on('end', () => {
          const { publicKey, id, timestamp, body, signature } = JSON.parse(input);
          const raw = Buffer.from(publicKey.slice('whpk_'.length), 'base64');
          const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
          const data = Buffer.from(`${id}.${timestamp}.${body}`, 'utf8');
          const verified = signature.split(' ')
            .filter(part => part.startsWith('v1a,'))
            .some(part => crypto.verify(null, data, key, Buffer.from(part.slice(4), 'base64')));
          process.stdout.write(verified ? 'verified' : 'refused');
        });
        """;

    /// <summary>True when one of the <c>v1a,</c> signatures in <paramref name="signature"/> verifies under <paramref name="publicKey"/>.</summary>
    public static async Task<bool> VerifiesAsync(string publicKey, string id, string timestamp, string body, string signature)
    {
        using var node = Process.Start(new ProcessStartInfo("node", ["-e", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start");
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { publicKey, id, timestamp, body, signature }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return output switch
        {
            "verified" => true,
            "refused" => false,
            _ => throw new InvalidOperationException($"node failed ({node.ExitCode}): {errors}"),
        };
    }

    public static Task<bool> VerifiesAsync(string publicKey, ReceivedWebhook webhook, string? body = null) =>
        VerifiesAsync(publicKey, webhook.WebhookId, webhook.Headers["webhook-timestamp"], body ?? webhook.Body, webhook.Headers["webhook-signature"]);
}
