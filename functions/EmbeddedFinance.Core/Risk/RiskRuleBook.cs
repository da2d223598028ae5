using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// A merchant's rules as the payment path reads them: from storage at most once per <see cref="RiskOptions.CacheLifetime"/>
/// per instance (a change reaches other instances within it), the defaults when the merchant never set any.
/// </summary>
public sealed class RiskRuleBook(IRiskRuleStore store, IOptions<RiskOptions> options, TimeProvider clock)
{
    private readonly ExpiringCache<string, RiskRules> cache = new(options.Value.CacheLifetime, clock);

    public Task<RiskRules> ForAsync(string scope, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(scope, async token => await store.GetAsync(scope, token) ?? RiskRules.Defaults, cancellationToken);

    public async Task SaveAsync(string scope, RiskRules rules, CancellationToken cancellationToken)
    {
        await store.SaveAsync(scope, rules, cancellationToken);
        cache.Set(scope, rules);
    }
}
