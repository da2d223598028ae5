namespace EmbeddedFinance.Core.Api;

/// <summary>Renders an <see cref="ApiError"/> as an RFC 9457 problem document.</summary>
public static class ProblemDocument
{
    public const string TypeBase = "https://docs.embeddedfinance.dev/errors/";

    public static StoredResponse Render(ApiError error, string requestId)
    {
        var document = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + error.Code,
            ["title"] = Title(error.Status),
            ["status"] = error.Status,
            ["detail"] = error.Detail,
            ["code"] = error.Code,
        };
        if (error.Param is not null) document["param"] = error.Param;
        foreach (var (name, value) in error.Extensions) document[name] = value;
        document["request_id"] = requestId;
        return new StoredResponse(error.Status, StoredResponse.Problem, ApiJson.Serialize(document)) { RetryAfter = error.RetryAfter, ErrorCode = error.Code };
    }

    /// <summary>The code of a rendered problem document, for a response read back from storage.</summary>
    public static string? CodeOf(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        499 => "Client Closed Request",
        503 => "Service Unavailable",
        _ => status >= 500 ? "Internal Server Error" : "Error",
    };
}
