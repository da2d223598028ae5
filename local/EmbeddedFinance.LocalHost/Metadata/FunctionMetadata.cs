using System.Text.Json.Nodes;

namespace EmbeddedFinance.LocalHost.Metadata;

/// <summary>One entry of <c>functions.metadata</c>, as the Worker SDK writes it.</summary>
public sealed record FunctionMetadata(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<JsonObject> Bindings)
{
    public JsonObject? Trigger => Bindings.SingleOrDefault(binding =>
        (binding["type"]?.GetValue<string>() ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string? TriggerType => Trigger?["type"]?.GetValue<string>();
}
