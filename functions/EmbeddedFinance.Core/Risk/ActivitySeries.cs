namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// Counts of events in fixed time slots of <see cref="SlotSeconds"/> seconds, newest last, kept for
/// <see cref="KeptSeconds"/>: the time buckets of one velocity counter, held in one row so that a count over any window
/// up to an hour is one point read. Immutable: <see cref="Add"/> returns the next version.
/// </summary>
public sealed record ActivitySeries(IReadOnlyList<(long Slot, int Count)> Slots)
{
    public const int SlotSeconds = 10;
    public const int KeptSeconds = 3600;

    public static readonly ActivitySeries Empty = new([]);

    public ActivitySeries Add(DateTimeOffset at)
    {
        var slot = SlotOf(at);
        var kept = Slots.Where(entry => entry.Slot > slot - KeptSeconds / SlotSeconds).ToList();
        var index = kept.FindIndex(entry => entry.Slot == slot);
        if (index >= 0) kept[index] = (slot, kept[index].Count + 1);
        else
        {
            kept.Add((slot, 1));
            kept.Sort((a, b) => a.Slot.CompareTo(b.Slot));
        }
        return new ActivitySeries(kept);
    }

    /// <summary>Events in the slots that began within the last <paramref name="windowSeconds"/> (the current slot included).</summary>
    public int CountWithin(DateTimeOffset now, int windowSeconds)
    {
        var from = SlotOf(now) - (windowSeconds / SlotSeconds) + 1;
        return Slots.Where(entry => entry.Slot >= from).Sum(entry => entry.Count);
    }

    /// <summary>Compact text for storage: <c>slot:count</c> pairs separated by <c>;</c>.</summary>
    public string Serialize() => string.Join(';', Slots.Select(entry => $"{entry.Slot}:{entry.Count}"));

    public static ActivitySeries Parse(string? text) => string.IsNullOrEmpty(text)
        ? Empty
        : new ActivitySeries(text.Split(';').Select(pair => pair.Split(':')).Select(parts => (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))).ToList());

    private static long SlotOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / SlotSeconds;

    public bool Equals(ActivitySeries? other) => other is not null && Slots.SequenceEqual(other.Slots);

    public override int GetHashCode() => Slots.Count;
}
