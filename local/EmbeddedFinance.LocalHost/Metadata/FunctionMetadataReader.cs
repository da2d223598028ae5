using System.Text.Json.Nodes;

namespace EmbeddedFinance.LocalHost.Metadata;

public static class FunctionMetadataReader
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionMetadata> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist. Build the function app (dotnet build) so the Worker SDK writes it.", path);
        }
        var entries = JsonNode.Parse(File.ReadAllText(path)) as JsonArray
            ?? throw new InvalidDataException($"'{path}' is not a JSON array of functions.");
        return entries.OfType<JsonObject>().Select(Parse).ToList();
    }

    private static FunctionMetadata Parse(JsonObject entry) => new(
        Required(entry, "name"),
        Required(entry, "scriptFile"),
        Required(entry, "entryPoint"),
        (entry["bindings"] as JsonArray)?.OfType<JsonObject>().ToList() ?? []);

    private static string Required(JsonObject entry, string member) =>
        entry[member]?.GetValue<string>() ?? throw new InvalidDataException($"A function in {FileName} has no '{member}'.");
}
