namespace EmbeddedFinance.Core.Settlement;

/// <summary>The settlement queue's message. The jobs themselves are rows; the message only says where to look.</summary>
public sealed record SettlementRequest(string Scope, IReadOnlyList<string> LedgerTransactions);
