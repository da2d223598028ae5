namespace EmbeddedFinance.Core.Settlement;

/// <summary>The settlement queue's message. The jobs themselves are rows; the message only says where to look.</summary>
public sealed record SettlementRequest(string Scope, IReadOnlyList<string> LedgerTransactions, int Parked = 0) : Recovery.IParkable<SettlementRequest>
{
    // Parked, it settles whatever is due in the scope: the names of requests that joined the failed run are not in it.
    public SettlementRequest ParkedOnceMore() => this with { Parked = Parked + 1, LedgerTransactions = [] };

    public override string ToString() => $"{nameof(SettlementRequest)} {{ {Scope}, {LedgerTransactions.Count} transactions }}";
}
