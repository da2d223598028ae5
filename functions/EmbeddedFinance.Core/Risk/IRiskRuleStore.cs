namespace EmbeddedFinance.Core.Risk;

/// <summary>One rules document per merchant scope; a scope without one has <see cref="RiskRules.Defaults"/>.</summary>
public interface IRiskRuleStore
{
    Task<RiskRules?> GetAsync(string scope, CancellationToken cancellationToken);

    Task SaveAsync(string scope, RiskRules rules, CancellationToken cancellationToken);
}
