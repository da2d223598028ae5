using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Risk;

/// <summary><c>GET</c> and <c>PUT /v1/risk/rules</c>: a merchant's rules, in the key's mode.</summary>
public sealed class RiskRuleCommands(RiskRuleBook book, IRiskRuleStore store)
{
    public async Task<Result<StoredResponse>> GetAsync(Caller.Merchant caller, CancellationToken cancellationToken) =>
        StoredResponse.Of(200, RiskRulesView.From(await store.GetAsync(caller.Scope, cancellationToken) ?? RiskRules.Defaults));

    public async Task<Result<StoredResponse>> ReplaceAsync(Caller.Merchant caller, RiskRules rules, CancellationToken cancellationToken)
    {
        await book.SaveAsync(caller.Scope, rules, cancellationToken);
        return StoredResponse.Of(200, RiskRulesView.From(rules));
    }
}
