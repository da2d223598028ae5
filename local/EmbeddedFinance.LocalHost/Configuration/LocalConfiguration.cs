using System.Text.Json.Nodes;
using EmbeddedFinance.LocalHost.Azurite;

namespace EmbeddedFinance.LocalHost.Configuration;

/// <summary>
/// The settings the Functions host would see, lowest precedence first: development defaults,
/// local/local.settings.json "Values", host.json under <c>AzureFunctionsJobHost</c>; then environment
/// variables and the command line (so <c>AzureFunctionsJobHost__extensions__queues__batchSize=4</c> overrides
/// host.json, as it does in Azure).
/// </summary>
public static class LocalConfiguration
{
    public const string HostSection = "AzureFunctionsJobHost";

    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Schedules:PurgeIdempotency"] = "0 */15 * * * *",
        ["Schedules:SweepOutbox"] = "*/10 * * * * *",
        ["Schedules:SweepSettlement"] = "*/10 * * * * *",
        ["Schedules:Reconcile"] = "0 0 * * * *",
        ["Queues:Outbox"] = "ef-outbox",
        ["Queues:Settlement"] = "ef-settlement",
        ["Queues:Payouts"] = "ef-payouts",
        ["Queues:PayoutReports"] = "ef-payout-reports",
        ["Queues:Webhooks"] = "ef-webhooks",
        ["Queues:IntegrationEvents"] = "ef-integration-events",
        ["Queues:IdentityVerifications"] = "ef-identity-verifications",
        ["Schedules:Redrive"] = "0 * * * * *",
        ["Schedules:PayScheduledPayouts"] = "0 * * * * *",
        ["Schedules:SandboxDisputes"] = "*/2 * * * * *",
        ["Schedules:RotateSigningKeys"] = "0 17 3 * * *",
    };

    public static void Apply(ConfigurationManager configuration, string hostJsonPath)
    {
        var lowest = new Dictionary<string, string?>(Defaults);
        foreach (var (key, value) in LocalSettingsValues()) lowest[key] = value;
        foreach (var (key, value) in Flatten(HostSection, JsonNode.Parse(File.ReadAllText(hostJsonPath)))) lowest[key] = value;
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = lowest });
    }

    private static IEnumerable<KeyValuePair<string, string?>> LocalSettingsValues()
    {
        string path;
        try
        {
            path = Path.Combine(LocalToolsDirectory.Find(), "local.settings.json");
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        if (!File.Exists(path)) yield break;
        if (JsonNode.Parse(File.ReadAllText(path))?["Values"] is not JsonObject values) yield break;
        foreach (var (key, value) in values) yield return new(key.Replace("__", ":", StringComparison.Ordinal), value?.ToString());
    }

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(string prefix, JsonNode? node) => node switch
    {
        JsonObject members => members.SelectMany(member => Flatten($"{prefix}:{member.Key}", member.Value)),
        JsonArray items => items.SelectMany((item, index) => Flatten($"{prefix}:{index}", item)),
        null => [],
        _ => [new(prefix, node.ToString())],
    };
}
