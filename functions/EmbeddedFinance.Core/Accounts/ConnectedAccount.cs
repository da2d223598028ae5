using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Accounts;

/// <summary>A seller or driver of a merchant, who receives splits of payments and is paid out.</summary>
public sealed record ConnectedAccount(
    string Id,
    string Scope,
    string DisplayName,
    string Email,
    Country Country,
    Currency DefaultCurrency,
    Mode Mode,
    DateTimeOffset Created,
    Payouts.PayoutDestination? PayoutDestination = null)
{
    /// <summary>When the account is paid out automatically; manual unless set.</summary>
    public PayoutSchedule PayoutSchedule { get; init; } = PayoutSchedule.Manual;

    /// <summary>The identity the account supplied (sealed) and where its verification stands.</summary>
    public Onboarding.Onboarding Onboarding { get; init; } = EmbeddedFinance.Core.Onboarding.Onboarding.New;

    /// <summary>The stored row's ETag; null before it is written.</summary>
    public string? Version { get; init; }
}
