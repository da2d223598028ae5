using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Vault;

namespace EmbeddedFinance.Core.Payments;

/// <summary>
/// A card payment and its state machine: requires_capture → succeeded | canceled; succeeded → partial and full
/// refunds; failed is final. Transitions return a new value or an expected error, never throw.
/// </summary>
public sealed record Payment(
    string Id,
    string Scope,
    Mode Mode,
    long Amount,
    Currency Currency,
    PaymentStatus Status,
    bool CaptureOnCreate,
    long AmountCaptured,
    long AmountRefunded,
    long ApplicationFeeAmount,
    IReadOnlyList<Split> Splits,
    CardToken Card,
    string? Description,
    IReadOnlyDictionary<string, string> Metadata,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset Created)
{
    /// <summary>The store's concurrency token for this version of the payment.</summary>
    public string? Version { get; init; }

    /// <summary>What each party (see <see cref="Beneficiaries"/>) has given back through refunds; empty before the first refund.</summary>
    public IReadOnlyList<Share> RefundedShares { get; init; } = [];

    /// <summary>The payment's dispute (<c>dp_…</c>), once its card holder disputed it; a payment is disputed at most once.</summary>
    public string? DisputeId { get; init; }

    /// <summary>How the payment was screened before the acquirer; null when screening was off (or before it existed).</summary>
    public RiskAssessment? Risk { get; init; }

    public long Refundable => AmountCaptured - AmountRefunded;

    /// <summary>A reviewer lets a held payment go on: captured now if it was to be captured at once, else left to capture.</summary>
    public Result<Payment> Approve()
    {
        if (Status != PaymentStatus.RequiresReview) return Errors.StateInvalid($"Only a payment that requires review can be approved; this one is {Status.ApiName()}.");
        var authorized = this with { Status = PaymentStatus.RequiresCapture };
        return CaptureOnCreate ? authorized.Capture(null) : authorized;
    }

    /// <summary>A reviewer refuses a held payment: nothing was captured, so its authorization is released (canceled).</summary>
    public Result<Payment> Reject() => Status == PaymentStatus.RequiresReview
        ? this with { Status = PaymentStatus.Canceled }
        : Errors.StateInvalid($"Only a payment that requires review can be rejected; this one is {Status.ApiName()}.");

    public Result<Payment> Capture(long? amount)
    {
        if (Status != PaymentStatus.RequiresCapture) return Errors.StateInvalid($"A payment can be captured only while it requires capture; this one is {Status.ApiName()}.");
        var captured = amount ?? Amount;
        if (captured < 1 || captured > Amount)
        {
            return new ApiError(400, "amount_invalid", $"The capture amount must be from 1 to the authorized {Amount}.", "amount");
        }
        return this with { Status = PaymentStatus.Succeeded, AmountCaptured = captured };
    }

    public Result<Payment> Cancel() => Status == PaymentStatus.RequiresCapture
        ? this with { Status = PaymentStatus.Canceled }
        : Errors.StateInvalid($"Only a payment that requires capture can be canceled; this one is {Status.ApiName()}.");

    /// <summary>A refund of <paramref name="amount"/> (default: all that is left), given back by the parties as <see cref="RefundAllocation"/> decides.</summary>
    public Result<(Payment Payment, long Refunded)> Refund(long? amount, bool refundApplicationFee = false)
    {
        if (Status != PaymentStatus.Succeeded) return Errors.StateInvalid($"Only a succeeded payment can be refunded; this one is {Status.ApiName()}.");
        if (DisputeId is not null) return Errors.StateInvalid($"This payment is disputed ({DisputeId}): the card issuer returns the money through the dispute, so it cannot be refunded.");
        if (Refundable == 0) return Errors.StateInvalid("This payment has been refunded in full.");
        var refunded = amount ?? Refundable;
        if (refunded < 1 || refunded > Refundable)
        {
            return new ApiError(400, "amount_invalid", $"The refund amount must be from 1 to what remains refundable, {Refundable}.", "amount");
        }
        var given = RefundAllocation.GivenBack(this).Zip(RefundAllocation.Of(this, refunded, refundApplicationFee), (before, now) => new Share(before.Party, before.Amount + now.Amount));
        return (this with { AmountRefunded = AmountRefunded + refunded, RefundedShares = given.ToList() }, refunded);
    }

    /// <summary>
    /// Who receives the captured money, in proportion to the original split: each split account, the fee account,
    /// or the merchant itself for what has no split. Partial captures and refunds keep those proportions.
    /// </summary>
    public IReadOnlyList<(string Party, long Weight)> Beneficiaries()
    {
        var parties = new List<(string, long)> { (LedgerAccounts.Fee, ApplicationFeeAmount) };
        if (Splits.Count == 0) parties.Add((LedgerAccounts.Merchant, Amount - ApplicationFeeAmount));
        parties.AddRange(Splits.Select(split => (split.Account, split.Amount)));
        return parties;
    }
}
