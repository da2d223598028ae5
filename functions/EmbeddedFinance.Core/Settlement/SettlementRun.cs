using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Settlement;

/// <summary>
/// Everything one settlement run writes, in one batch: its marker (<c>stl_…</c>, naming every transaction it
/// applied), the jobs it finished or deferred (ETag-guarded, so a job is taken once), the release transactions
/// it created, one write per balance with the sum of all its postings, the <c>payment.settled</c> events, and for
/// each available balance it takes below zero an <c>account.balance_negative</c> event (in <see cref="Events"/>) and
/// the balance's negative marker (<see cref="Crossings"/>, which also names those that came back to zero or more).
/// </summary>
public sealed record SettlementRun(
    string Id,
    string Scope,
    IReadOnlyList<SettlementJob> Finished,
    IReadOnlyList<(SettlementJob Job, DateTimeOffset ReleaseAt)> Deferred,
    IReadOnlyList<LedgerTransaction> Applied,
    IReadOnlyList<LedgerTransaction> Created,
    IReadOnlyList<Balance> Balances,
    IReadOnlyList<PlatformEvent> Events,
    DateTimeOffset At)
{
    public IReadOnlyList<BalanceCrossing> Crossings { get; init; } = [];
}
