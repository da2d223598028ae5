using Microsoft.Extensions.Time.Testing;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

/// <summary>A <see cref="FakeTimeProvider"/> that counts the timers made from it: each one is code starting to wait on this clock.</summary>
public sealed class CountingTimersClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int created;

    public int TimersCreated => Volatile.Read(ref created);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref created);
        return timer;
    }
}
