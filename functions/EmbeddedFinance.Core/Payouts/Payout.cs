using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Payouts;

public enum PayoutStatus { Pending, InTransit, Paid, Failed, Canceled }

public enum PayoutMethod { Standard, Instant }

/// <summary>
/// Money on its way from a connected account's available balance to its bank. <see cref="Amount"/> is what
/// arrives; an instant payout's <see cref="Fee"/> is taken from the balance on top, to the merchant's fee account.
/// </summary>
public sealed record Payout(
    string Id,
    string Scope,
    Mode Mode,
    string Account,
    long Amount,
    long Fee,
    Currency Currency,
    PayoutMethod Method,
    PayoutStatus Status,
    string DestinationLast4,
    string? Description,
    string? RailReference,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset Created)
{
    /// <summary>The stored row's ETag; null before it is written.</summary>
    public string? Version { get; init; }

    /// <summary>The payout schedule's period this automatic payout pays (<c>2026-12-02</c>, <c>2026-W49</c>, <c>2026-12</c>); null for a payout made through the API.</summary>
    public string? Period { get; init; }

    /// <summary>Whether the payout schedule made it, rather than <c>POST /v1/payouts</c>.</summary>
    public bool Automatic => Period is not null;

    /// <summary>Whether the rail's answer is still to come (a report for a finished payout is a duplicate).</summary>
    public bool IsOpen => Status is PayoutStatus.Pending or PayoutStatus.InTransit;
}

public static class PayoutNames
{
    public static string ApiName(this PayoutStatus status) => status switch
    {
        PayoutStatus.Pending => "pending",
        PayoutStatus.InTransit => "in_transit",
        PayoutStatus.Paid => "paid",
        PayoutStatus.Failed => "failed",
        _ => "canceled",
    };

    public static string ApiName(this PayoutMethod method) => method == PayoutMethod.Instant ? "instant" : "standard";
}
