using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Core.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: method, path and the JSON body with insignificant
/// white space removed (member order still counts; clients resend what they sent). It is a keyed HMAC, not a
/// bare hash, because bodies can hold a card number, and it leaves out members that must never be stored in
/// any form (the CVC).
/// </summary>
public sealed class RequestFingerprinter(ISecretStore secrets)
{
    public async Task<string> OfAsync(string method, string path, JsonNode? body, IReadOnlyList<string> excludedMembers, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetAsync(SecretNames.RequestFingerprintKey, cancellationToken)
            ?? throw new InvalidOperationException($"The secret '{SecretNames.RequestFingerprintKey}' is not in the secret store.");
        var canonical = Without(body, excludedMembers)?.ToJsonString() ?? "";
        return Digest.HmacSha256(Convert.FromBase64String(secret.Value.Reveal()), $"{method.ToUpperInvariant()} {path}\n{canonical}");
    }

    /// <summary>A copy of the body without the members at these dotted paths (e.g. <c>card.cvc</c>).</summary>
    private static JsonNode? Without(JsonNode? body, IReadOnlyList<string> excludedMembers)
    {
        if (body is null || excludedMembers.Count == 0) return body;
        var copy = body.DeepClone();
        foreach (var path in excludedMembers)
        {
            var segments = path.Split('.');
            var parent = segments[..^1].Aggregate((JsonNode?)copy, (node, segment) => node is JsonObject members ? members[segment] : null);
            (parent as JsonObject)?.Remove(segments[^1]);
        }
        return copy;
    }
}
