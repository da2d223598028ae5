using EmbeddedFinance.Client.Http;

namespace EmbeddedFinance.Client.Resources;

/// <summary><c>/v1/risk/rules</c>: what screens the merchant's payments (held ones are decided with <see cref="PaymentsService.ApproveAsync"/> and <see cref="PaymentsService.RejectAsync"/>).</summary>
public sealed class RiskService
{
    private readonly ApiTransport api;

    internal RiskService(ApiTransport api) => this.api = api;

    /// <summary>The rules of the key's mode: the stored ones, or the defaults.</summary>
    public Task<RiskRules> GetRulesAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<RiskRules>("v1/risk/rules", options, cancellationToken);

    /// <summary>Replaces the whole rules document (a rule left out takes its default); answers the rules as stored.</summary>
    public Task<RiskRules> ReplaceRulesAsync(ReplaceRiskRulesRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<RiskRules>(HttpMethod.Put, "v1/risk/rules", request, options, cancellationToken);
}
