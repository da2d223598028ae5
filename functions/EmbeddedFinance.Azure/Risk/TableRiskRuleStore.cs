using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Risk;

namespace EmbeddedFinance.Azure.Risk;

/// <summary>A merchant's risk rules: one row <c>riskrules|current</c> in its scope's partition of the state table.</summary>
public sealed class TableRiskRuleStore(StateTable table) : IRiskRuleStore
{
    private const string Kind = "riskrules";
    private static readonly string Row = StateTable.RowKey(Kind, "current");
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<RiskRules?> GetAsync(string scope, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<TableEntity>(scope, Row, cancellationToken: cancellationToken);
        return found.HasValue ? JsonSerializer.Deserialize<RiskRules>(found.Value!.GetString("RulesJson"), Json) : null;
    }

    /// <summary>A PUT replaces the whole document: the last one wins, as the API says.</summary>
    public Task SaveAsync(string scope, RiskRules rules, CancellationToken cancellationToken) =>
        table.Client.UpsertEntityAsync(new TableEntity(scope, Row) { ["RulesJson"] = JsonSerializer.Serialize(rules, Json) }, TableUpdateMode.Replace, cancellationToken);
}
