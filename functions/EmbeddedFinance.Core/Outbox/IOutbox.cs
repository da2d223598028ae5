namespace EmbeddedFinance.Core.Outbox;

public interface IOutbox
{
    /// <summary>The scope's undispatched events, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadAsync(string scope, int max, CancellationToken cancellationToken);

    /// <summary>Marks the entries dispatched (they leave the outbox; the events themselves stay).</summary>
    Task MarkDispatchedAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Scopes holding events written before <paramref name="writtenBefore"/> and still undispatched.</summary>
    Task<IReadOnlyList<string>> ScopesWithStaleEntriesAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken);
}
