using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Counts every queue request any Azure SDK client in the process sends (the app's and the development host's
/// listeners, which the table counter cannot reach), by method and queue, from the SDK's own event source.
/// </summary>
public sealed class QueueCallCounter : EventListener
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Azure-Core") EnableEvents(source, EventLevel.Informational);
    }

    protected override void OnEventWritten(EventWrittenEventArgs written)
    {
        if (written.EventName != "Request" || written.Payload is not { Count: >= 3 } payload) return;
        if (payload[2] is not string uri || payload[1] is not string method) return;
        var path = new Uri(uri).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Queue paths: /account/queue/messages[/id]; tables are counted by StorageCallCounter.
        if (path.Length < 3 || path[2] != "messages") return;
        var shape = $"{method} {path[1]} {(path.Length > 3 ? "message" : "messages")}";
        counts.AddOrUpdate(shape, 1, (_, count) => count + 1);
    }

    /// <summary>Calls by shape since the last snapshot.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var taken = counts.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var key in taken.Keys) counts.AddOrUpdate(key, 0, (_, count) => count - taken[key]);
        return taken;
    }
}
