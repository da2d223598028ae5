namespace EmbeddedFinance.LocalHost.Queues;

/// <summary>
/// The Functions queue listener's polling: immediately again after finding messages; after an empty poll,
/// a randomized delay that doubles from 100 ms up to maxPollingInterval.
/// </summary>
public sealed class PollingBackoff(TimeSpan maximum)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);
    private TimeSpan current = TimeSpan.Zero;

    public TimeSpan NextDelay()
    {
        var doubled = current == TimeSpan.Zero ? Minimum : current * 2;
        current = doubled > maximum ? maximum : doubled;
        // ±20 % jitter so many listeners do not poll in lock-step.
        var jittered = current * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return jittered > maximum ? maximum : jittered;
    }

    public void Reset() => current = TimeSpan.Zero;
}
