using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// The body a <c>thin</c> endpoint receives: the event as rendered for it, but with <c>data.object</c> cut down to
/// its <c>id</c> and <c>object</c> (an object without an id, such as a <c>settlement</c>, keeps only <c>object</c>).
/// The receiver fetches the rest with <c>GET /v1/events/{id}</c>, so nothing about the object travels unless asked for.
/// </summary>
public static class ThinEvent
{
    private static readonly string[] Kept = ["id", "object"];

    public static string From(string eventJson)
    {
        var document = JsonNode.Parse(eventJson)!.AsObject();
        var data = document["data"]!.AsObject();
        var full = data["object"]!.AsObject();
        var thin = new JsonObject();
        foreach (var name in Kept)
        {
            if (full[name] is { } value) thin[name] = value.DeepClone();
        }
        data["object"] = thin;
        return document.ToJsonString(ApiJson.Options);
    }
}
