namespace EmbeddedFinance.Core.Audit;

/// <summary>Reads one audit partition's chain for verification.</summary>
public interface IAuditChainReader
{
    /// <summary>The partition's head: the last sequence number and hash written, or null when nothing was chained.</summary>
    Task<(long Sequence, string Hash)?> HeadAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Every chained entry of the partition in sequence order.</summary>
    IAsyncEnumerable<AuditLink> ReadAsync(string scope, CancellationToken cancellationToken);
}
