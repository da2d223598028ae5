using System.Globalization;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One kind of due work the <see cref="WorkCalendar"/> indexes, and the width of its time buckets: wide enough that a
/// busy scope costs one mark per bucket, narrow enough that a sweep's visit to a bucket finds work that is due.
/// </summary>
public sealed record WorkPurpose(string Name, TimeSpan Width)
{
    /// <summary>Scopes that committed outbox rows in the minute: the outbox sweep looks for rows a lost nudge left behind.</summary>
    public static readonly WorkPurpose Outbox = new("outbox", TimeSpan.FromMinutes(1));

    /// <summary>Scopes with settlement jobs falling due in the minute (applies at once, deferred releases at their release time).</summary>
    public static readonly WorkPurpose Settlement = new("settle", TimeSpan.FromMinutes(1));

    /// <summary>Scopes with idempotency records expiring in the hour: the purge deletes them.</summary>
    public static readonly WorkPurpose IdempotencyExpiry = new("idem", TimeSpan.FromHours(1));

    /// <summary>Scopes that committed settlement markers in the hour: reconciliation takes their new markers.</summary>
    public static readonly WorkPurpose Reconciliation = new("recon", TimeSpan.FromHours(1));

    /// <summary>The start of the bucket that holds <paramref name="at"/>.</summary>
    public DateTimeOffset BucketOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - utc.UtcTicks % Width.Ticks, TimeSpan.Zero);
    }

    /// <summary>The partition of a bucket: <c>outbox:202612012241</c> (minutes), <c>idem:2026120122</c> (hours).</summary>
    public string Partition(DateTimeOffset bucket) =>
        $"{Name}:{bucket.UtcDateTime.ToString(Width >= TimeSpan.FromHours(1) ? "yyyyMMddHH" : "yyyyMMddHHmm", CultureInfo.InvariantCulture)}";
}
