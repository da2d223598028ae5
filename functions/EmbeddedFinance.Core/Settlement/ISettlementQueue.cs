namespace EmbeddedFinance.Core.Settlement;

/// <summary>Asks for a scope to be settled because these ledger transactions were written.</summary>
public interface ISettlementQueue
{
    Task EnqueueAsync(SettlementRequest request, CancellationToken cancellationToken);
}
