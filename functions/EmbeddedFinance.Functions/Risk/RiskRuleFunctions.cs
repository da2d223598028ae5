using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Risk;

/// <summary>A merchant's risk rules. They govern payments, so reading and changing them takes the payments permission.</summary>
public sealed class RiskRuleFunctions(ApiPipeline api, RiskRuleCommands rules)
{
    private static readonly ApiRoute Retrieve = new("risk_rules.retrieve", AccessPolicy.Needs(Permission.Read(ApiResources.Payments)));
    private static readonly ApiRoute Replace = new("risk_rules.replace", AccessPolicy.Needs(Permission.Write(ApiResources.Payments)));

    [Function("GetRiskRules")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/risk/rules")] HttpRequest request) =>
        api.ReadAsync(request, Retrieve, async call => NoQuery.Check(request) is { } unknown ? unknown : await rules.GetAsync(call.Merchant, request.HttpContext.RequestAborted));

    [Function("ReplaceRiskRules")]
    public Task<IActionResult> ReplaceAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "v1/risk/rules")] HttpRequest request) =>
        api.WriteAsync<RiskRulesRequest, RiskRules>(request, Replace,
            body => body.Validate(),
            (call, validated, _) => rules.ReplaceAsync(call.Merchant, validated, CancellationToken.None));
}
