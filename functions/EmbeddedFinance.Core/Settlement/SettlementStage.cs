namespace EmbeddedFinance.Core.Settlement;

public enum SettlementStage
{
    /// <summary>The ledger transaction is written but not yet in the balances.</summary>
    Apply,

    /// <summary>Applied; its pending amounts move to available once due.</summary>
    Release,
}
