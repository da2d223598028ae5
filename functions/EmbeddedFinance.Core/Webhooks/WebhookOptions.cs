using System.Globalization;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Webhooks;

public sealed class WebhookOptions : ISelfValidatingOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The waits before each retry, comma-separated TimeSpans (API.md: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h);
    /// after the last one the delivery is failed. A queue message can be hidden for at most 7 days.
    /// </summary>
    public string RetrySchedule { get; set; } = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>How long one attempt may take, connection included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an endpoint may fail every attempt before it is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// Attempts to one endpoint this process makes at once. A delivery that finds no free slot within
    /// <see cref="SlotWait"/> is put back on the queue for <see cref="DeferDelay"/>, so a slow endpoint holds a few
    /// workers, never all of them, while a healthy one's bursts just wait their turn.
    /// </summary>
    public int MaxInFlightPerEndpoint { get; set; } = 4;

    public TimeSpan SlotWait { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan DeferDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a delivery to a throttled endpoint (<c>throttle_rate</c>) waits in process for its slot; a slot further
    /// ahead sends the delivery back to the queue until then, not counted as an attempt.
    /// </summary>
    public TimeSpan ThrottleWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Endpoints one merchant may have in one mode. Every event fans out to each of them, so without a bound one
    /// merchant could multiply the platform's delivery work at will (16, as card platforms commonly allow).
    /// </summary>
    public int MaxEndpointsPerMerchant { get; set; } = 16;

    /// <summary>
    /// Manual redeliveries (<c>POST /v1/events/{id}/redeliver</c>) of one event to one endpoint per rolling hour; beyond it
    /// the route is 429 until the oldest leaves the hour. Every one is an attempt on the merchant's receiver.
    /// </summary>
    public int MaxRedeliveriesPerHour { get; set; } = 5;

    public IReadOnlyList<TimeSpan> Retries => Parse(RetrySchedule) ?? [];

    /// <summary>The wait before the attempt after <paramref name="attempt"/> (1-based), or null when it was the last.</summary>
    public TimeSpan? DelayAfter(int attempt)
    {
        var retries = Retries;
        return attempt >= 1 && attempt <= retries.Count ? retries[attempt - 1] : null;
    }

    /// <summary>Null when the options are valid, else what is wrong, naming the setting.</summary>
    public string? Problem()
    {
        var retries = Parse(RetrySchedule);
        if (retries is null || retries.Any(delay => delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(7)))
        {
            return $"{Section}:{nameof(RetrySchedule)} must be a comma-separated list of TimeSpans, each above zero and at most 7 days.";
        }
        // At least Polly's shortest timeout: the attempt's deadline is a Polly timeout strategy (WebhookHttpClients).
        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromMinutes(1)) return $"{Section}:{nameof(Timeout)} must be between 00:00:00.010 and one minute (Polly's shortest timeout is 10 ms).";
        if (DisableAfter <= TimeSpan.Zero) return $"{Section}:{nameof(DisableAfter)} must be above zero.";
        if (MaxInFlightPerEndpoint < 1) return $"{Section}:{nameof(MaxInFlightPerEndpoint)} must be at least 1.";
        if (MaxEndpointsPerMerchant is < 1 or > PageRequest.MaxLimit) return $"{Section}:{nameof(MaxEndpointsPerMerchant)} must be between 1 and {PageRequest.MaxLimit}.";
        if (MaxRedeliveriesPerHour is < 1 or > 100) return $"{Section}:{nameof(MaxRedeliveriesPerHour)} must be between 1 and 100.";
        if (DeferDelay <= TimeSpan.Zero) return $"{Section}:{nameof(DeferDelay)} must be above zero.";
        if (ThrottleWait < TimeSpan.Zero || ThrottleWait > TimeSpan.FromSeconds(10)) return $"{Section}:{nameof(ThrottleWait)} must be between zero and 10 seconds.";
        if (SlotWait < TimeSpan.Zero || SlotWait >= Timeout) return $"{Section}:{nameof(SlotWait)} must be zero or more and shorter than the timeout.";
        return null;
    }

    private static List<TimeSpan>? Parse(string schedule)
    {
        var delays = new List<TimeSpan>();
        foreach (var part in schedule.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var delay)) return null;
            delays.Add(delay);
        }
        return delays;
    }
}
