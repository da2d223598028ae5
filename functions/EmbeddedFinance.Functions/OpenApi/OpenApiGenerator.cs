using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>
/// Builds <c>openapi.json</c>: <c>openapi.handwritten.json</c> (info, paths, parameters, responses and the few schemas
/// no type renders) with <c>components/schemas</c> generated from the API's types (<see cref="ApiSchemas"/>).
/// </summary>
public static class OpenApiGenerator
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Generate(string handwritten)
    {
        var document = JsonNode.Parse(handwritten)!.AsObject();
        var components = document["components"]!.AsObject();
        var written = components["schemas"]?.AsObject() ?? [];
        var stray = written.Select(schema => schema.Key).Except(ApiSchemas.All.Where(schema => !schema.Generated).Select(schema => schema.Name)).ToList();
        if (stray.Count > 0)
        {
            throw new InvalidOperationException($"openapi.handwritten.json has schemas that ApiSchemas does not list as hand-written: {string.Join(", ", stray)}.");
        }

        var references = new Dictionary<Type, string>();
        foreach (var schema in ApiSchemas.All.Where(schema => schema.Type is not null && !IsList(schema.Type)))
        {
            references.TryAdd(schema.Type!, schema.Name);
        }

        var schemas = new JsonObject();
        foreach (var schema in ApiSchemas.All)
        {
            schemas[schema.Name] = schema.Generated
                ? SchemaGenerator.Ordered(Merge(SchemaGenerator.Generate(schema.Type!, references), schema.Overlay is null ? null : JsonNode.Parse(schema.Overlay))!.AsObject())
                : written[schema.Name]?.DeepClone() ?? throw new InvalidOperationException($"openapi.handwritten.json lacks the schema {schema.Name}.");
        }
        components["schemas"] = schemas;
        return document.ToJsonString(Indented) + "\n";
    }

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Core.Api.ListView<>);

    /// <summary>JSON merge patch (RFC 7396).</summary>
    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is null) return target;
        if (patch is not JsonObject members) return patch.DeepClone();
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            if (value is null) result.Remove(name);
            else if (value is not JsonObject) result[name] = value.DeepClone();
            else result[name] = Merge(result[name]?.DeepClone(), value);
        }
        return result;
    }
}
