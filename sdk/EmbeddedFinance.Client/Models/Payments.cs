namespace EmbeddedFinance.Client;

/// <summary>A card payment, possibly split between connected accounts and the platform's fee.</summary>
public sealed record Payment : IHasId
{
    /// <summary><c>pay_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>Minor units authorized.</summary>
    public long Amount { get; init; }
    /// <summary>Minor units captured.</summary>
    public long AmountCaptured { get; init; }
    /// <summary>Minor units refunded.</summary>
    public long AmountRefunded { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary><c>requires_capture</c>, <c>requires_review</c> (held by a risk rule until approved or rejected), <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public string Status { get; init; } = "";
    /// <summary><c>automatic</c> or <c>manual</c>.</summary>
    public string CaptureMethod { get; init; } = "";
    /// <summary>The platform's fee, minor units.</summary>
    public long ApplicationFeeAmount { get; init; }
    /// <summary>The connected accounts' shares.</summary>
    public IReadOnlyList<Split> Splits { get; init; } = [];
    /// <summary>The card charged.</summary>
    public Card Card { get; init; } = new();
    /// <summary>The merchant's description.</summary>
    public string? Description { get; init; }
    /// <summary>Why a failed payment failed: <c>card_declined</c>, <c>insufficient_funds</c>, <c>expired_card</c>, or <c>blocked</c> by a risk rule (the card never reached the acquirer).</summary>
    public string? FailureCode { get; init; }
    /// <summary>The failure, in words.</summary>
    public string? FailureMessage { get; init; }
    /// <summary><c>pending</c> or <c>settled</c>.</summary>
    public string? SettlementStatus { get; init; }
    /// <summary>The dispute (<c>dp_…</c>), once disputed.</summary>
    public string? Dispute { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the payment is live.</summary>
    public bool Livemode { get; init; }
    /// <summary>The merchant's key-value pairs.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>How the payment was screened before it reached the acquirer; null when screening was off.</summary>
    public PaymentRisk? Risk { get; init; }
}

/// <summary>A payment's risk screening.</summary>
public sealed record PaymentRisk
{
    /// <summary>0 (no sign of risk) to 99.</summary>
    public int Score { get; init; }
    /// <summary><c>normal</c>, <c>elevated</c> (65–74) or <c>highest</c> (75–99).</summary>
    public string Level { get; init; } = "";
    /// <summary>The rules that fired: <c>card_velocity</c>, <c>address_velocity</c>, <c>decline_burst</c>, <c>amount_outlier</c>, <c>country_mismatch</c>, <c>sandbox_card</c>.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

/// <summary>The card holder's client as the merchant saw it, for risk screening.</summary>
public sealed record PaymentClient
{
    /// <summary>The IP address (v4 or v6) of the card holder's browser or app.</summary>
    public string? IpAddress { get; init; }
    /// <summary>The ISO 3166-1 alpha-2 country the card holder is in.</summary>
    public string? Country { get; init; }
}

/// <summary>A connected account's share of a payment.</summary>
public sealed record Split
{
    /// <summary><c>acct_…</c></summary>
    public required string Account { get; init; }
    /// <summary>Minor units.</summary>
    public required long Amount { get; init; }
}

/// <summary>The body of <c>POST /v1/payments</c>.</summary>
public sealed record CreatePaymentRequest
{
    /// <summary>Minor units.</summary>
    public required long Amount { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public required string Currency { get; init; }
    /// <summary>A token, <c>tok_…</c>.</summary>
    public required string PaymentMethod { get; init; }
    /// <summary><c>automatic</c> (default) or <c>manual</c> (authorize now, capture later).</summary>
    public string? CaptureMethod { get; init; }
    /// <summary>The platform's fee, minor units.</summary>
    public long? ApplicationFeeAmount { get; init; }
    /// <summary>Shares of connected accounts; with the fee they must add up to the amount.</summary>
    public IReadOnlyList<Split>? Splits { get; init; }
    /// <summary>Up to 500 characters.</summary>
    public string? Description { get; init; }
    /// <summary>Key-value pairs kept with the payment.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    /// <summary>The card holder's client (address, country), for the risk rules.</summary>
    public PaymentClient? Client { get; init; }
}

/// <summary>The body of <c>POST /v1/payments/{id}/capture</c>.</summary>
public sealed record CapturePaymentRequest
{
    /// <summary>How much to capture (default: all that was authorized).</summary>
    public long? Amount { get; init; }
}

/// <summary>The body of <c>POST /v1/payments/{id}/refunds</c>.</summary>
public sealed record RefundPaymentRequest
{
    /// <summary>How much to refund (default: all that remains).</summary>
    public long? Amount { get; init; }
    /// <summary>Whether the platform's fee gives back its share too (default false).</summary>
    public bool? RefundApplicationFee { get; init; }
}

/// <summary>A refund of a payment.</summary>
public sealed record Refund : IHasId
{
    /// <summary><c>re_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The payment refunded.</summary>
    public string Payment { get; init; } = "";
    /// <summary>Minor units.</summary>
    public long Amount { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary>The refund's status.</summary>
    public string Status { get; init; } = "";
    /// <summary>Whether the platform's fee gave back its share.</summary>
    public bool RefundApplicationFee { get; init; }
    /// <summary>What the fee gave back.</summary>
    public long ApplicationFeeRefunded { get; init; }
    /// <summary>What each connected account gave back.</summary>
    public IReadOnlyList<Split> Splits { get; init; } = [];
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the refund is live.</summary>
    public bool Livemode { get; init; }
}

/// <summary>A cardholder's dispute of a payment.</summary>
public sealed record Dispute : IHasId
{
    /// <summary><c>dp_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The disputed payment.</summary>
    public string Payment { get; init; } = "";
    /// <summary>Minor units.</summary>
    public long Amount { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary>e.g. <c>fraudulent</c>.</summary>
    public string Reason { get; init; } = "";
    /// <summary><c>needs_response</c>, <c>under_review</c>, <c>won</c> or <c>lost</c>.</summary>
    public string Status { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    public long EvidenceDueBy { get; init; }
    /// <summary>The evidence saved so far.</summary>
    public DisputeEvidence Evidence { get; init; } = new();
    /// <summary>The platform's dispute fee, minor units.</summary>
    public long Fee { get; init; }
    /// <summary>What was taken back from the application fee.</summary>
    public long ApplicationFeeWithdrawn { get; init; }
    /// <summary>What was taken back from each connected account.</summary>
    public IReadOnlyList<Split> Splits { get; init; } = [];
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the dispute is live.</summary>
    public bool Livemode { get; init; }
}

/// <summary>Evidence against a dispute (text fields).</summary>
public sealed record DisputeEvidence
{
    /// <summary>Free text.</summary>
    public string? UncategorizedText { get; init; }
    /// <summary>What was sold.</summary>
    public string? ProductDescription { get; init; }
    /// <summary>The customer's name.</summary>
    public string? CustomerName { get; init; }
    /// <summary>The customer's email.</summary>
    public string? CustomerEmailAddress { get; init; }
    /// <summary>When the service was given.</summary>
    public string? ServiceDate { get; init; }
    /// <summary>The refund policy shown to the customer.</summary>
    public string? RefundPolicy { get; init; }
}

/// <summary>The body of <c>POST /v1/disputes/{id}</c>.</summary>
public sealed record UpdateDisputeRequest
{
    /// <summary>Evidence to save.</summary>
    public DisputeEvidence? Evidence { get; init; }
    /// <summary>True submits the evidence for review.</summary>
    public bool? Submit { get; init; }
}
