using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>
/// The event catalog with each type's schema, generated once by the OpenAPI document's own generator from the type
/// <see cref="EventCatalog"/> names, self-contained (no <c>$ref</c> into the OpenAPI document) so a receiver can use it alone.
/// </summary>
public static class EventTypeSchemas
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Lazy<IReadOnlyList<EventTypeView>> Views = new(() =>
        EventCatalog.All.Select(entry => new EventTypeView(entry.Name, entry.Description, SchemaOf(entry.ObjectType))).ToList());

    public static IReadOnlyList<EventTypeView> All => Views.Value;

    public static ListView<EventTypeView> List() => new("list", All, false, "/v1/event_types");

    private static JsonObject SchemaOf(Type type)
    {
        var generated = SchemaGenerator.Generate(type, new Dictionary<Type, string>());
        var schema = new JsonObject { ["$schema"] = Dialect };
        foreach (var (key, value) in generated) schema[key] = value?.DeepClone();
        return schema;
    }
}
