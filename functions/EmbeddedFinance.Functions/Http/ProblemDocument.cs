using EmbeddedFinance.Core.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace EmbeddedFinance.Functions.Http;

/// <summary>Renders an <see cref="ApiError"/> as an RFC 9457 problem document.</summary>
public static class ProblemDocument
{
    public const string TypeBase = "https://docs.embeddedfinance.dev/errors/";

    public static StoredResponse Render(ApiError error, string requestId)
    {
        var document = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + error.Code,
            ["title"] = ReasonPhrases.GetReasonPhrase(error.Status),
            ["status"] = error.Status,
            ["detail"] = error.Detail,
            ["code"] = error.Code,
        };
        if (error.Param is not null) document["param"] = error.Param;
        foreach (var (name, value) in error.Extensions) document[name] = value;
        document["request_id"] = requestId;
        return new StoredResponse(error.Status, StoredResponse.Problem, ApiJson.Serialize(document));
    }
}
