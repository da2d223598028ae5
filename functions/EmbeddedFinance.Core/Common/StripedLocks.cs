namespace EmbeddedFinance.Core.Common;

/// <summary>
/// In-process mutual exclusion by key, with a fixed number of locks (keys share a lock by hash), so there is
/// nothing to grow or clean up. For keeping work of one key from colliding with itself, never for correctness.
/// </summary>
public sealed class StripedLocks(int stripes)
{
    private readonly SemaphoreSlim[] locks = Enumerable.Range(0, stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var gate = locks[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)locks.Length)];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
