namespace EmbeddedFinance.Core.Recovery;

/// <summary>How work that met a transient failure comes back, and when stuck work is driven again.</summary>
public sealed class RecoveryOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Recovery";

    /// <summary>The first wait of a parked message; each further parking doubles it (with jitter) up to <see cref="ParkMaxDelay"/>.</summary>
    public TimeSpan ParkBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait of a parked message: an outage of hours is retried this often, never given up.</summary>
    public TimeSpan ParkMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message parked this often is logged as an error (an operator should look), and still comes back.</summary>
    public int AlertAfterParks { get; set; } = 10;

    /// <summary>A payout still pending or in transit this long after it was created (or last driven) is driven again.</summary>
    public TimeSpan StuckPayoutAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A queued webhook delivery with no attempt on record this long after it was queued is queued again.</summary>
    public TimeSpan StuckDeliveryAfter { get; set; } = TimeSpan.FromMinutes(10);

    public string? Problem() =>
        ParkBaseDelay < TimeSpan.FromSeconds(1) || ParkBaseDelay > TimeSpan.FromHours(1) ? $"{Section}:{nameof(ParkBaseDelay)} must be between 1 second and 1 hour (a queue hides messages for whole seconds)."
        : ParkMaxDelay < ParkBaseDelay || ParkMaxDelay > TimeSpan.FromDays(7) ? $"{Section}:{nameof(ParkMaxDelay)} must be at least {nameof(ParkBaseDelay)} and at most 7 days (a queue's longest hiding)."
        : AlertAfterParks < 1 ? $"{Section}:{nameof(AlertAfterParks)} must be at least 1."
        : StuckPayoutAfter < TimeSpan.FromSeconds(1) || StuckPayoutAfter > TimeSpan.FromDays(7) ? $"{Section}:{nameof(StuckPayoutAfter)} must be between 1 second and 7 days."
        : StuckDeliveryAfter < TimeSpan.FromSeconds(1) || StuckDeliveryAfter > TimeSpan.FromDays(7) ? $"{Section}:{nameof(StuckDeliveryAfter)} must be between 1 second and 7 days."
        : null;

    /// <summary>The wait after a redrive check that found work still open, <paramref name="checksSoFar"/> checks in: doubling from the first, so a slow dependency is asked less and less often.</summary>
    public static TimeSpan NextCheckAfter(TimeSpan first, int checksSoFar) => first * Math.Pow(2, Math.Min(checksSoFar + 1, 8));

    /// <summary>The wait before a message parked <paramref name="parked"/> times before comes back; at least <paramref name="atLeast"/> (an open circuit's remaining break).</summary>
    public TimeSpan ParkDelay(int parked, TimeSpan? atLeast = null)
    {
        var doubled = ParkBaseDelay.TotalSeconds * Math.Pow(2, Math.Min(parked, 20));
        var jittered = Math.Min(doubled, ParkMaxDelay.TotalSeconds) * (0.8 + 0.4 * Random.Shared.NextDouble());
        var delay = TimeSpan.FromSeconds(Math.Min(jittered, ParkMaxDelay.TotalSeconds));
        return atLeast is { } floor && floor > delay ? (floor < ParkMaxDelay ? floor : ParkMaxDelay) : delay;
    }
}
