using Azure.Core;
using Azure.Core.Pipeline;

namespace EmbeddedFinance.Benchmarks;

/// <summary>Counts the requests the app's storage clients send, by kind, so a benchmark can report calls per operation.</summary>
public sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
{
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
    }

    public Calls Snapshot() => new(Batches, Reads, Writes);

    /// <summary>Calls counted at one moment; the difference of two is what happened between them.</summary>
    public readonly record struct Calls(long Batches, long Reads, long Writes)
    {
        public long Total => Batches + Reads + Writes;

        public static Calls operator -(Calls after, Calls before) => new(after.Batches - before.Batches, after.Reads - before.Reads, after.Writes - before.Writes);
    }
}
