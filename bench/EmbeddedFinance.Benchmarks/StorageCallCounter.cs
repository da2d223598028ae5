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

    public (long Batches, long Reads, long Writes) Snapshot() => (Batches, Reads, Writes);
}
