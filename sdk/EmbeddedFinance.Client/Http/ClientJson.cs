using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmbeddedFinance.Client.Http;

/// <summary>The API's JSON: snake_case names, absent optional members left out of requests, unknown members ignored in answers.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
