using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: method, path and the JSON body with insignificant
/// white space removed. Member order still counts; clients resend the bytes they sent, so that is enough.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(string method, string path, JsonNode? body)
    {
        var canonicalBody = body?.ToJsonString() ?? "";
        return Sha256.Hex($"{method.ToUpperInvariant()} {path}\n{canonicalBody}");
    }
}
