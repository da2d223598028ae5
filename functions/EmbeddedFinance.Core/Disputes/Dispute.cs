using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Payments;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>
/// A card holder's dispute of a payment: <see cref="Amount"/> was taken back from the payment's parties
/// (<see cref="Withdrawn"/>, in the order of the payment's parties) and <see cref="Fee"/> from the platform when it
/// opened. needs_response → under_review (evidence submitted) → won (the withdrawn amounts return) | lost.
/// </summary>
public sealed record Dispute(
    string Id,
    string Scope,
    Mode Mode,
    string PaymentId,
    long Amount,
    Currency Currency,
    string Reason,
    DisputeStatus Status,
    DateTimeOffset EvidenceDueBy,
    DateTimeOffset Created,
    IReadOnlyList<Share> Withdrawn,
    long Fee,
    DisputeEvidence Evidence,
    DateTimeOffset? EvidenceSubmitted)
{
    /// <summary>The sandbox's reason for every dispute it opens.</summary>
    public const string SandboxReason = "fraudulent";

    /// <summary>The store's concurrency token for this version of the dispute.</summary>
    public string? Version { get; init; }

    /// <summary>Adds evidence (replacing the fields it names) and, with <paramref name="submit"/>, sends it for review.</summary>
    public Result<Dispute> Respond(DisputeEvidence evidence, bool submit, DateTimeOffset now) => Status != DisputeStatus.NeedsResponse
        ? Errors.StateInvalid($"Evidence can be given only while a dispute needs a response; this one is {Status.ApiName()}.")
        : this with
        {
            Evidence = Evidence.With(evidence),
            Status = submit ? DisputeStatus.UnderReview : Status,
            EvidenceSubmitted = submit ? now : null,
        };

    /// <summary>A dispute whose evidence was not submitted by <see cref="EvidenceDueBy"/> is lost, as with a real issuer.</summary>
    public Result<Dispute> Expire(DateTimeOffset now) => Status != DisputeStatus.NeedsResponse || now < EvidenceDueBy
        ? Errors.StateInvalid($"Only a dispute still needing a response after {EvidenceDueBy:O} expires; this one is {Status.ApiName()}.")
        : this with { Status = DisputeStatus.Lost };

    /// <summary>The sandbox issuer's decision on submitted evidence.</summary>
    public Result<Dispute> DecideInSandbox() => Status != DisputeStatus.UnderReview
        ? Errors.StateInvalid($"Only a dispute under review can be decided; this one is {Status.ApiName()}.")
        : this with { Status = Evidence.WinsInSandbox() ? DisputeStatus.Won : DisputeStatus.Lost };
}
