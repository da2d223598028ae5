using System.Net;
using System.Text.Json;

namespace EmbeddedFinance.Client;

/// <summary>
/// The API answered with an error: an RFC 9457 problem document with a stable <see cref="Code"/>. Every non-2xx answer
/// of the API becomes this one exception type; switch on <see cref="Code"/>, never on the message.
/// </summary>
public sealed class ApiException : Exception
{
    internal ApiException(HttpStatusCode status, string? requestId, JsonElement? problem, string rawBody)
        : base(Describe(status, problem, rawBody))
    {
        StatusCode = status;
        Problem = problem;
        Code = problem is { ValueKind: JsonValueKind.Object } document && document.TryGetProperty("code", out var code) ? code.GetString() : null;
        Param = problem is { ValueKind: JsonValueKind.Object } withParam && withParam.TryGetProperty("param", out var param) ? param.GetString() : null;
        RequestId = problem is { ValueKind: JsonValueKind.Object } withId && withId.TryGetProperty("request_id", out var id) ? id.GetString() : requestId;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The catalogue code, e.g. <c>card_declined</c>, <c>parameter_invalid</c>, <c>resource_missing</c>; null when the answer was no problem document (a proxy's page).</summary>
    public string? Code { get; }

    /// <summary>The request member the error is about (e.g. <c>card.number</c>), when there is one.</summary>
    public string? Param { get; }

    /// <summary>The <c>Request-Id</c> of the failed request: quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>The whole problem document, with members beyond the standard ones (e.g. <c>payment</c> on a decline).</summary>
    public JsonElement? Problem { get; }

    /// <summary>A string member of the problem document (e.g. <c>"payment"</c>, the failed payment's id on a 402), or null.</summary>
    public string? ProblemMember(string name) =>
        Problem is { ValueKind: JsonValueKind.Object } document && document.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static string Describe(HttpStatusCode status, JsonElement? problem, string rawBody)
    {
        if (problem is { ValueKind: JsonValueKind.Object } document)
        {
            var code = document.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = document.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return $"{(int)status} {code}: {detail}";
        }
        return $"{(int)status}: {(rawBody.Length > 200 ? rawBody[..200] + "…" : rawBody)}";
    }
}
