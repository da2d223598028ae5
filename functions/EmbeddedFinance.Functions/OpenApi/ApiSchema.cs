using System.Text.Json.Nodes;

namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>
/// One entry of <c>components/schemas</c>: generated from <see cref="Type"/>, with <see cref="Overlay"/> (a JSON merge
/// patch, RFC 7396) for what one type shared by several schemas says differently in each; or, without a type, taken
/// as written in <c>openapi.handwritten.json</c> (shapes no single type renders, such as the problem document).
/// </summary>
public sealed record ApiSchema(string Name, Type? Type, string? Overlay = null, bool Generated = true)
{
    public static ApiSchema Of<T>(string name, string? overlay = null) => new(name, typeof(T), overlay);

    public static ApiSchema Handwritten(string name) => new(name, null, Generated: false);

    /// <summary>Hand-written, and what members of type <typeparamref name="T"/> refer to.</summary>
    public static ApiSchema Handwritten<T>(string name) => new(name, typeof(T), Generated: false);

    /// <summary>A page of <typeparamref name="T"/>: the list envelope with this list's route and words.</summary>
    /// <param name="items">The schema of the items, when <typeparamref name="T"/> is not one of <see cref="ApiSchemas"/>.</param>
    /// <param name="url">The route, or a pattern (starting with <c>^</c>) when it holds an id.</param>
    public static ApiSchema List<T>(string name, string description, string data, string url, bool paged = true, string? urlDescription = null, string? items = null)
    {
        var properties = new JsonObject
        {
            ["data"] = new JsonObject { ["description"] = data },
            ["url"] = url.StartsWith('^') ? new JsonObject { ["pattern"] = url } : new JsonObject { ["const"] = url },
        };
        if (items is not null) properties["data"]!["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + items };
        if (urlDescription is not null) properties["url"]!["description"] = urlDescription;
        if (!paged) properties["has_more"] = new JsonObject { ["const"] = false, ["description"] = "Always `false`." };
        var overlay = new JsonObject { ["description"] = description, ["properties"] = properties };
        return new(name, typeof(Core.Api.ListView<T>), overlay.ToJsonString());
    }
}
