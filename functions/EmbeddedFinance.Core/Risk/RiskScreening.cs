using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Vault;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// The risk step of payment creation, before the acquirer. It counts this attempt on the card's fingerprint (and the
/// client's address, when the merchant gave one) first and then judges on counts that include it, so concurrent attempts
/// on one card each see a distinct count and the 21st of 21 is the one that trips a limit of 20 (ADR 024).
/// </summary>
public sealed class RiskScreening(IActivityCounters counters, IAmountStatistics amounts, RiskRuleBook rules, IOptions<RiskOptions> options, TimeProvider clock, ILogger<RiskScreening> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>The assessment, or null when screening is off.</summary>
    public async Task<RiskAssessment?> AssessAsync(string scope, Common.Mode mode, AuthorizableCard card, Money amount, ClientContext client, CancellationToken cancellationToken)
    {
        if (!Enabled) return null;
        var now = clock.GetUtcNow();
        var cardActivity = counters.AddAsync(CardKey(scope, card.Token), RiskEvent.Attempt, now, cancellationToken);
        var addressActivity = client.IpAddress is { } ip
            ? counters.AddAsync(new ActivityKey(scope, ActivityKey.Address, Digest.Sha256(ip)[..22]), RiskEvent.Attempt, now, cancellationToken)
            : Task.FromResult<Activity>(null!);
        var statistic = amounts.GetAsync(scope, amount.Currency, cancellationToken);
        var merchantRules = rules.ForAsync(scope, cancellationToken);
        await Task.WhenAll(cardActivity, addressActivity, statistic, merchantRules);

        var signals = new RiskSignals(now, amount.Amount, cardActivity.Result, client.IpAddress is null ? null : addressActivity.Result, statistic.Result,
            CardCountries.Of(card.Number), client.Country, SandboxRiskCards.ForcedLevel(card, mode));
        return RiskEvaluation.Assess(merchantRules.Result, signals);
    }

    /// <summary>After a decline committed: it counts towards the card's decline burst. Never fails the payment, which has committed.</summary>
    public Task RecordDeclineAsync(string scope, CardToken card, CancellationToken cancellationToken) =>
        AfterCommitAsync("decline count", () => counters.AddAsync(CardKey(scope, card), RiskEvent.Decline, clock.GetUtcNow(), cancellationToken));

    /// <summary>After an authorized payment committed: its amount joins the merchant's usual. Never fails the payment.</summary>
    public Task ObserveAsync(string scope, Money amount, CancellationToken cancellationToken) =>
        AfterCommitAsync("amount statistic", () => amounts.ObserveAsync(scope, amount.Currency, amount.Amount, cancellationToken));

    private async Task AfterCommitAsync(string what, Func<Task> update)
    {
        if (!Enabled) return;
        try
        {
            await update();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The payment is committed and answered from its idempotency record: a missed sample weakens a statistic, no more.
            logger.LogWarning("Risk {What} not updated after a committed payment ({Reason})", what, failure.GetType().Name);
        }
    }

    private static ActivityKey CardKey(string scope, CardToken card) => new(scope, ActivityKey.Card, card.Fingerprint);
}
