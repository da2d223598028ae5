using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Counts the requests the app's storage clients send, by kind, so a benchmark can report calls per operation.
/// With BENCH_CALLS set it also counts them by shape (method, table, filter with its values cut to their prefix),
/// which says which call a change should remove.
/// </summary>
public sealed partial class StorageCallCounter : HttpPipelineSynchronousPolicy
{
    private static readonly bool ByShape = Environment.GetEnvironmentVariable("BENCH_CALLS") is not null;
    private readonly ConcurrentDictionary<string, long> shapes = new(StringComparer.Ordinal);
    private long batches;
    private long reads;
    private long writes;

    public long Batches => Interlocked.Read(ref batches);
    public long Reads => Interlocked.Read(ref reads);
    public long Writes => Interlocked.Read(ref writes);
    public long Total => Batches + Reads + Writes;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref batches);
        else if (message.Request.Method == RequestMethod.Get) Interlocked.Increment(ref reads);
        else Interlocked.Increment(ref writes);
        if (ByShape) shapes.AddOrUpdate(ShapeOf(message.Request), 1, (_, count) => count + 1);
    }

    /// <summary>Calls counted at this moment (and, with BENCH_CALLS, the shapes counted since the last snapshot).</summary>
    public Calls Snapshot()
    {
        var byShape = shapes.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        shapes.Clear();
        return new(Batches, Reads, Writes, byShape);
    }

    private static string ShapeOf(Request request)
    {
        var resource = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var table = resource.Split('(')[0];
        var kind = resource.EndsWith("$batch", StringComparison.Ordinal) ? "batch"
            : resource.Contains("PartitionKey=", StringComparison.Ordinal) ? "point"
            : request.Method == RequestMethod.Get ? "query" : "insert";
        var query = Uri.UnescapeDataString(request.Uri.Query);
        var at = query.IndexOf("$filter=", StringComparison.Ordinal);
        var filter = at < 0 ? "" : QuotedValue().Replace(query[(at + "$filter=".Length)..].Split('&')[0], "'$1…'");
        return $"{request.Method} {table} {kind} {filter}".TrimEnd();
    }

    [GeneratedRegex("'([a-z_-]*)[^']*'")]
    private static partial Regex QuotedValue();

    /// <summary>Calls counted at one moment; the difference of two is what happened between them.</summary>
    public readonly record struct Calls(long Batches, long Reads, long Writes, IReadOnlyDictionary<string, long> ByShape)
    {
        public long Total => Batches + Reads + Writes;

        /// <summary>The counts between the snapshots; the shapes are those of the later one (counted since the earlier).</summary>
        public static Calls operator -(Calls after, Calls before) => new(after.Batches - before.Batches, after.Reads - before.Reads, after.Writes - before.Writes, after.ByShape);
    }
}
