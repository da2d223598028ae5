namespace EmbeddedFinance.Core.Settlement;

/// <summary>The settlement queue's message. The jobs themselves are rows; the message only says where to look.</summary>
public sealed record SettlementRequest(string Scope, IReadOnlyList<string> LedgerTransactions, int Parked = 0) : Recovery.IParkable<SettlementRequest>
{
    public SettlementRequest ParkedOnceMore() => this with { Parked = Parked + 1 };

    public override string ToString() => $"{nameof(SettlementRequest)} {{ {Scope}, {LedgerTransactions.Count} transactions }}";
}
