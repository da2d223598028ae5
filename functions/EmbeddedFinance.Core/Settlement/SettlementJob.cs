using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Settlement;

/// <summary>
/// A ledger transaction waiting for settlement, written in the same batch as the transaction itself (so no
/// transaction can lack its job). It carries the postings, so settling needs no second read.
/// </summary>
public sealed record SettlementJob(LedgerTransaction Transaction, SettlementStage Stage, DateTimeOffset DueAt, string Version);
