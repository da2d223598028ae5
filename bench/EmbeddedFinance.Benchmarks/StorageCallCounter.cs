using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EmbeddedFinance.Benchmarks;

/// <summary>
/// Counts the requests the app's storage clients send, by kind, so a benchmark can report calls per operation.
/// With BENCH_CALLS set it also counts them by shape (method, table, filter with its values cut to their prefix),
/// which says which call a change should remove, with the bytes and rows each sends (what Azurite parses).
/// Reads of the credential indexes (partitions <c>apikeys:…</c> and <c>oauthclients:…</c>, authentication's look-ups) are also counted apart.
/// </summary>
public sealed partial class StorageCallCounter : HttpPipelineSynchronousPolicy
{
    private static readonly bool ByShape = Environment.GetEnvironmentVariable("BENCH_CALLS") is not null;
    private readonly ConcurrentDictionary<string, ShapeTally> shapes = new(StringComparer.Ordinal);
    private long batches;
    private long reads;
    private long writes;
    private long credentialIndexReads;

    public long Batches => Interlocked.Read(ref batches);
    public long Reads => Interlocked.Read(ref reads);
    public long Writes => Interlocked.Read(ref writes);
    public long Total => Batches + Reads + Writes;

    /// <summary>
    /// Point reads of the credential indexes that authentication reads: API keys' (partitions <c>apikeys:…</c>) and OAuth
    /// clients' (<c>oauthclients:…</c>), each named by the first characters of a digest.
    /// </summary>
    public long CredentialIndexReads => Interlocked.Read(ref credentialIndexReads);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref batches);
        else if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref reads);
            var path = Uri.UnescapeDataString(message.Request.Uri.Path);
            if (path.Contains(KeyIndexPartition, StringComparison.Ordinal) || path.Contains(ClientIndexPartition, StringComparison.Ordinal)) Interlocked.Increment(ref credentialIndexReads);
        }
        else Interlocked.Increment(ref writes);
        if (!ByShape) return;
        var (body, bytes) = BodyOf(message.Request);
        var batchParts = BatchPart().Matches(body).Count;
        shapes.GetOrAdd(ShapeOf(message.Request, body), _ => new ShapeTally()).Add(bytes, Math.Max(batchParts, 1));
    }

    /// <summary>How a point read of the key index names its partition (ApiKeyRows.IndexPartition).</summary>
    private const string KeyIndexPartition = "PartitionKey='apikeys:";

    /// <summary>How a point read of the OAuth client index names its partition (OAuthClientRows.IndexPartition).</summary>
    private const string ClientIndexPartition = "PartitionKey='oauthclients:";

    /// <summary>Calls counted at this moment (and, with BENCH_CALLS, the shapes counted since the last snapshot).</summary>
    public Calls Snapshot()
    {
        var byShape = shapes.ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal);
        shapes.Clear();
        return new(Batches, Reads, Writes, CredentialIndexReads, byShape);
    }

    private static string ShapeOf(Request request, string body)
    {
        var resource = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var table = resource.Split('(')[0];
        // A batch names its table only inside its parts; the kind of its first row tells a state change from a group commit.
        if (resource.EndsWith("$batch", StringComparison.Ordinal))
            return $"{request.Method} {BatchTable().Match(body).Groups[1].Value} batch, first row {FirstRowKind().Match(body).Groups[1].Value}…";
        var kind = resource.Contains("PartitionKey=", StringComparison.Ordinal) ? "point"
            : request.Method == RequestMethod.Get ? "query" : "insert";
        var query = Uri.UnescapeDataString(request.Uri.Query);
        var at = query.IndexOf("$filter=", StringComparison.Ordinal);
        var filter = at < 0 ? "" : QuotedValue().Replace(query[(at + "$filter=".Length)..].Split('&')[0], "'$1…'");
        return $"{request.Method} {table} {kind} {filter}".TrimEnd();
    }

    private static (string Text, int Bytes) BodyOf(Request request)
    {
        if (request.Content is null) return ("", 0);
        using var body = new MemoryStream();
        request.Content.WriteTo(body, CancellationToken.None);
        return (Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), (int)body.Length);
    }

    [GeneratedRegex("\"RowKey\":\\s*\"([a-z_]*)")]
    private static partial Regex FirstRowKind();

    [GeneratedRegex("Content-Type: application/http")]
    private static partial Regex BatchPart();

    [GeneratedRegex(@"(?:POST|PUT|MERGE|PATCH|DELETE) \S*/([A-Za-z0-9]+)[(? ]")]
    private static partial Regex BatchTable();

    [GeneratedRegex("'([a-z_-]*)[^']*'")]
    private static partial Regex QuotedValue();

    /// <summary>Calls counted at one moment; the difference of two is what happened between them.</summary>
    /// <param name="CredentialIndexReads">Of <paramref name="Reads"/>, those of the key index.</param>
    public readonly record struct Calls(long Batches, long Reads, long Writes, long CredentialIndexReads, IReadOnlyDictionary<string, Shape> ByShape)
    {
        public long Total => Batches + Reads + Writes;

        /// <summary>The counts between the snapshots; the shapes are those of the later one (counted since the earlier).</summary>
        public static Calls operator -(Calls after, Calls before) => new(after.Batches - before.Batches, after.Reads - before.Reads, after.Writes - before.Writes, after.CredentialIndexReads - before.CredentialIndexReads, after.ByShape);
    }

    /// <summary>Calls of one shape: how many, and the request bytes and rows (parts of a batch, else one) they sent.</summary>
    public readonly record struct Shape(long Count, long Bytes, long Rows);

    private sealed class ShapeTally
    {
        private long count;
        private long bytes;
        private long rows;

        public void Add(int sentBytes, int sentRows)
        {
            Interlocked.Increment(ref count);
            Interlocked.Add(ref bytes, sentBytes);
            Interlocked.Add(ref rows, sentRows);
        }

        public Shape Snapshot() => new(Interlocked.Read(ref count), Interlocked.Read(ref bytes), Interlocked.Read(ref rows));
    }
}
