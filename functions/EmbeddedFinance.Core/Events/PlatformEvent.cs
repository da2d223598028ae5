using System.Text.Json;
using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Versions;

namespace EmbeddedFinance.Core.Events;

/// <summary>
/// A committed state change, as merchants receive it: written in the same batch as the change (its outbox row
/// with it), so every change yields exactly its events (one, or two where a change is two facts, as a review closing on a succeeded payment). The payload is the object exactly as GET returns it.
/// </summary>
public sealed record PlatformEvent(string Id, string Type, string Scope, Mode Mode, DateTimeOffset Created, string ObjectJson)
{

    public static PlatformEvent Of<T>(string type, string scope, Mode mode, T dataObject, TimeProvider clock) =>
        new(PrefixedId.New("evt", clock), type, scope, mode, clock.GetUtcNow(), ApiJson.Serialize(dataObject));

    /// <summary>The event document in the newest version: <c>{id, object:"event", type, created, livemode, api_version, data:{object}}</c>; <see cref="VersionedJson"/> renders it in others.</summary>
    public string ToJson() => new JsonObject
    {
        ["id"] = Id,
        ["object"] = "event",
        ["type"] = Type,
        ["created"] = Created.ToUnixTimeSeconds(),
        ["livemode"] = Mode == Mode.Live,
        ["api_version"] = ApiVersions.Newest,
        ["data"] = new JsonObject { ["object"] = JsonNode.Parse(ObjectJson) },
    }.ToJsonString(ApiJson.Options);

    /// <summary>The id of the object the event is about (<c>data.object.id</c>).</summary>
    public string? ObjectId()
    {
        using var document = JsonDocument.Parse(ObjectJson);
        return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    public override string ToString() => $"{nameof(PlatformEvent)} {{ {Id} {Type} }}";
}
