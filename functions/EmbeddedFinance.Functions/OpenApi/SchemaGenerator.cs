using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>
/// Turns one API type into its JSON Schema as <see cref="ApiJson.Options"/> really reads and writes it
/// (<see cref="JsonSchemaExporter"/>), then adds what the type cannot say from attributes beside its members:
/// <see cref="DescriptionAttribute"/>, <see cref="ExampleAttribute"/>, <see cref="DefaultValueAttribute"/> and the
/// data annotations (<see cref="RangeAttribute"/>, lengths, <see cref="RegularExpressionAttribute"/>,
/// <see cref="AllowedValuesAttribute"/>, <see cref="RequiredAttribute"/>, e-mail and URL formats).
/// Nulls are never written (<c>WhenWritingNull</c>), so a nullable member is optional rather than <c>null</c>; every
/// other member is always written, so it is required. A request member that is nullable only so that validation can
/// name it when missing says so with <see cref="RequiredAttribute"/>.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>The schema of <paramref name="type"/>; members of a type named in <paramref name="references"/> become <c>$ref</c>s.</summary>
    public static JsonObject Generate(Type type, IReadOnlyDictionary<Type, string> references)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context.TypeInfo, context.PropertyInfo, context.Path.Length == 0, node, references),
        };
        var schema = ApiJson.Options.GetJsonSchemaAsNode(type, exporter).AsObject();
        Inline(schema, schema);
        return Ordered(schema);
    }

    /// <summary>
    /// The exporter writes a type met a second time as a <c>$ref</c> to where it was met first (<c>#/properties/…</c>),
    /// which would not resolve inside <c>components/schemas</c>: such a type is written out again instead.
    /// </summary>
    private static void Inline(JsonNode? node, JsonObject root)
    {
        if (node is JsonArray items)
        {
            foreach (var item in items) Inline(item, root);
            return;
        }
        if (node is not JsonObject schema) return;
        foreach (var (name, value) in schema.ToList())
        {
            if (value is JsonObject { Count: 1 } reference && reference["$ref"]?.GetValue<string>() is { } pointer && !pointer.StartsWith("#/components/", StringComparison.Ordinal))
            {
                var target = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)root, (at, key) => at?[key]);
                schema[name] = target?.DeepClone() ?? throw new InvalidOperationException($"Cannot resolve {pointer}.");
            }
            else
            {
                Inline(value, root);
            }
        }
    }

    private static JsonNode Transform(JsonTypeInfo typeInfo, JsonPropertyInfo? property, bool root, JsonNode node, IReadOnlyDictionary<Type, string> references)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (!root && references.TryGetValue(type, out var name))
        {
            node = new JsonObject { ["$ref"] = "#/components/schemas/" + name };
        }
        else if (node is JsonObject schema)
        {
            NotNull(schema);
            if (typeInfo.Kind == JsonTypeInfoKind.Object && schema.ContainsKey("properties")) DescribeObject(typeInfo, schema);
            if (type == typeof(long)) schema["format"] = "int64";
            else if (type == typeof(int)) schema["format"] = "int32";
        }

        if (node is JsonObject annotated)
        {
            if (property is not null) Annotate(annotated, Attributes(property));
            else if (root) Annotate(annotated, type.GetCustomAttributes(inherit: false).OfType<Attribute>().ToList());
        }
        return node;
    }

    /// <summary>Nulls are omitted on output, so no member is ever <c>null</c>.</summary>
    private static void NotNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var rest = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            schema["type"] = rest.Count == 1 ? JsonValue.Create(rest[0]) : new JsonArray([.. rest.Select(t => JsonValue.Create(t))]);
        }
        if (schema.TryGetPropertyValue("default", out var defaultValue) && defaultValue is null) schema.Remove("default");
        if (schema["enum"] is JsonArray values && values.Any(value => value is null))
        {
            schema["enum"] = new JsonArray([.. values.Where(value => value is not null).Select(value => value!.DeepClone())]);
        }
    }

    private static void DescribeObject(JsonTypeInfo typeInfo, JsonObject schema)
    {
        var required = typeInfo.Properties
            .Where(property => property.Get is not null && (!property.IsGetNullable || Attributes(property).OfType<RequiredAttribute>().Any()))
            .Select(property => JsonValue.Create(property.Name))
            .ToArray();
        schema.Remove("required");
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        if (ApiJson.Options.UnmappedMemberHandling == System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)
        {
            schema["additionalProperties"] = false;
        }
    }

    private static List<Attribute> Attributes(JsonPropertyInfo property) =>
    [
        .. property.AttributeProvider?.GetCustomAttributes(inherit: true).OfType<Attribute>() ?? [],
        .. property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(inherit: true).OfType<Attribute>() ?? [],
    ];

    private static void Annotate(JsonObject schema, List<Attribute> attributes)
    {
        var isArray = schema["type"] is JsonValue kind && kind.GetValue<string>() == "array";
        var examples = new JsonArray();
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case DescriptionAttribute description:
                    schema["description"] = description.Description;
                    break;
                case ExampleAttribute example:
                    examples.Add(example.Value is string json && schema.ContainsKey("properties") ? JsonNode.Parse(json) : ToNode(example.Value));
                    break;
                case DefaultValueAttribute defaultValue:
                    schema["default"] = ToNode(defaultValue.Value);
                    break;
                case AllowedValuesAttribute allowed:
                    var target = isArray ? schema["items"]!.AsObject() : schema;
                    if (allowed.Values.Length == 1) target["const"] = ToNode(allowed.Values[0]);
                    else target["enum"] = new JsonArray([.. allowed.Values.Select(ToNode)]);
                    break;
                case RangeAttribute range:
                    if (!IsUnbounded(range.Minimum)) schema["minimum"] = Number(range.Minimum);
                    if (!IsUnbounded(range.Maximum)) schema["maximum"] = Number(range.Maximum);
                    break;
                case StringLengthAttribute length:
                    if (length.MinimumLength > 0) schema["minLength"] = length.MinimumLength;
                    schema["maxLength"] = length.MaximumLength;
                    break;
                case LengthAttribute length:
                    schema[isArray ? "minItems" : "minLength"] = length.MinimumLength;
                    schema[isArray ? "maxItems" : "maxLength"] = length.MaximumLength;
                    break;
                case MinLengthAttribute length:
                    schema[isArray ? "minItems" : "minLength"] = length.Length;
                    break;
                case MaxLengthAttribute length:
                    schema[isArray ? "maxItems" : "maxLength"] = length.Length;
                    break;
                case RegularExpressionAttribute pattern:
                    (isArray ? schema["items"]!.AsObject() : schema)["pattern"] = pattern.Pattern;
                    break;
                case EmailAddressAttribute:
                    schema["format"] = "email";
                    break;
                case UrlAttribute:
                    schema["format"] = "uri";
                    break;
            }
        }
        if (examples.Count > 0) schema["examples"] = examples;
    }

    private static bool IsUnbounded(object value) => value is double number && double.IsInfinity(number);

    private static JsonNode Number(object value) => value switch
    {
        double number when number == Math.Floor(number) => JsonValue.Create((long)number),
        _ => ToNode(value)!,
    };

    private static JsonNode? ToNode(object? value) => JsonSerializer.SerializeToNode(value, ApiJson.Options);

    private static readonly string[] KeywordOrder =
    [
        "$ref", "type", "format", "const", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
        "default", "description", "required", "properties", "items", "additionalProperties", "examples",
    ];

    /// <summary>Keywords in one order everywhere, so the generated document reads like the hand-written one did.</summary>
    internal static JsonObject Ordered(JsonObject schema)
    {
        var ordered = new JsonObject();
        foreach (var (key, value) in schema.OrderBy(pair => Rank(pair.Key)))
        {
            ordered[key] = key switch
            {
                "properties" => new JsonObject(value!.AsObject().Select(member => KeyValuePair.Create(member.Key, (JsonNode?)OrderedNode(member.Value)))),
                "items" or "additionalProperties" => OrderedNode(value),
                _ => value?.DeepClone(),
            };
        }
        return ordered;
    }

    private static JsonNode? OrderedNode(JsonNode? node) => node is JsonObject schema ? Ordered(schema) : node?.DeepClone();

    private static int Rank(string keyword)
    {
        var index = Array.IndexOf(KeywordOrder, keyword);
        return index < 0 ? KeywordOrder.Length : index;
    }
}
