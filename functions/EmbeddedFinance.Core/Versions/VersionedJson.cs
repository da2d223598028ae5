using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Versions;

/// <summary>
/// Renders JSON of the API (a response, a list, an event) in a version: every object of the API in it is first
/// brought to the newest shape (a no-op for anything written by this release; it upgrades an event or a stored
/// replay written before a change), then walked back one version at a time to the one asked for. Events say the
/// version they are rendered in. Metadata is the merchant's and is never touched.
/// </summary>
public static class VersionedJson
{
    public static string Render(string json, string version)
    {
        if (version == ApiVersions.Newest && !MayNeedUpgrade(json)) return json;
        var root = JsonNode.Parse(json);
        if (root is null) return json;
        Walk(root, version);
        return root.ToJsonString(ApiJson.Options);
    }

    /// <summary>Turns a request body written for <paramref name="version"/> into the newest shape, one version at a time.</summary>
    public static ApiError? UpgradeRequest(Type bodyType, JsonObject body, string version)
    {
        foreach (var change in ApiVersions.Changes.Where(change => string.CompareOrdinal(change.Version, version) > 0))
        {
            if (change.Transform?.RequestForward(bodyType, body) is { } refused) return refused;
        }
        return null;
    }

    /// <summary>The inverse of <see cref="UpgradeRequest"/>: a newest-shape body as a client of <paramref name="version"/> would send it.</summary>
    public static void DowngradeRequest(Type bodyType, JsonObject body, string version)
    {
        foreach (var change in ApiVersions.Changes.Reverse().Where(change => string.CompareOrdinal(change.Version, version) > 0))
        {
            change.Transform?.RequestBackward(bodyType, body);
        }
    }

    // Events written in an older version carry its label; one in the newest (every event this release writes) needs nothing.
    private static readonly string[] OlderEventLabels = ApiVersions.All.Where(version => version != ApiVersions.Newest)
        .Select(version => $"\"api_version\":\"{ApiVersions.EventLabel(version)}\"").ToArray();

    // Older shapes show themselves by members the newest never writes; anything else in the newest version is sent as is,
    // so a webhook or an event list in the newest version is not parsed and written again.
    private static bool MayNeedUpgrade(string json) =>
        json.Contains("\"capture\":", StringComparison.Ordinal) || OlderEventLabels.Any(label => json.Contains(label, StringComparison.Ordinal));

    private static void Walk(JsonNode node, string version)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) if (item is not null) Walk(item, version);
                break;
            case JsonObject apiObject:
                foreach (var (name, child) in apiObject.ToList())
                {
                    if (child is not null && name != "metadata") Walk(child, version);
                }
                Render(apiObject, version);
                break;
        }
    }

    private static void Render(JsonObject apiObject, string version)
    {
        foreach (var change in ApiVersions.Changes) change.Transform?.Forward(apiObject);
        foreach (var change in ApiVersions.Changes.Reverse().Where(change => string.CompareOrdinal(change.Version, version) > 0))
        {
            change.Transform?.Backward(apiObject);
        }
        if (apiObject["object"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "event" && apiObject.ContainsKey("api_version"))
        {
            apiObject["api_version"] = ApiVersions.EventLabel(version);
        }
    }
}
