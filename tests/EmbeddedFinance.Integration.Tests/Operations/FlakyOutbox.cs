using System.Collections.Concurrent;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Integration.Tests.Operations;

/// <summary>The real outbox, except that reading one probe scope throws while <see cref="Failing"/> is set: a bug, then its fix.</summary>
public sealed class FlakyOutbox(IOutbox inner, string probeScope) : IOutbox
{
    public volatile bool Failing = true;

    public ConcurrentQueue<bool> ProbeReads { get; } = new();

    public Task<IReadOnlyList<OutboxEntry>> ReadAsync(string scope, int max, CancellationToken cancellationToken)
    {
        if (scope != probeScope) return inner.ReadAsync(scope, max, cancellationToken);
        var failing = Failing;
        ProbeReads.Enqueue(!failing);
        return failing
            ? throw new InvalidOperationException("The outbox probe fails on purpose.")
            : Task.FromResult<IReadOnlyList<OutboxEntry>>([]);
    }

    public Task MarkDispatchedAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        inner.MarkDispatchedAsync(scope, entries, cancellationToken);

    public Task<IReadOnlyList<string>> ScopesWithStaleEntriesAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken) =>
        inner.ScopesWithStaleEntriesAsync(writtenBefore, cancellationToken);
}
