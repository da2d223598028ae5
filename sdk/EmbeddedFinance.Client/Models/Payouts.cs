namespace EmbeddedFinance.Client;

/// <summary>A payout of a connected account's available balance to its bank account.</summary>
public sealed record Payout : IHasId
{
    /// <summary><c>po_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The account paid out.</summary>
    public string Account { get; init; } = "";
    /// <summary>Minor units.</summary>
    public long Amount { get; init; }
    /// <summary>The instant payout fee, minor units.</summary>
    public long Fee { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary><c>standard</c> or <c>instant</c>.</summary>
    public string Method { get; init; } = "";
    /// <summary><c>pending</c>, <c>in_transit</c>, <c>paid</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public string Status { get; init; } = "";
    /// <summary>The destination's last four digits.</summary>
    public string DestinationLast4 { get; init; } = "";
    /// <summary>The merchant's description.</summary>
    public string? Description { get; init; }
    /// <summary>Whether a payout schedule made it.</summary>
    public bool Automatic { get; init; }
    /// <summary>Why it failed: <c>no_account</c>, <c>account_closed</c>, <c>could_not_process</c>.</summary>
    public string? FailureCode { get; init; }
    /// <summary>The failure, in words.</summary>
    public string? FailureMessage { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the payout is live.</summary>
    public bool Livemode { get; init; }
}

/// <summary>The body of <c>POST /v1/payouts</c>.</summary>
public sealed record CreatePayoutRequest
{
    /// <summary><c>acct_…</c></summary>
    public required string Account { get; init; }
    /// <summary>Minor units, at most the available balance.</summary>
    public required long Amount { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public required string Currency { get; init; }
    /// <summary><c>standard</c> (default) or <c>instant</c>.</summary>
    public string? Method { get; init; }
    /// <summary>Up to 500 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>A balanced ledger transaction with its postings.</summary>
public sealed record LedgerTransaction : IHasId
{
    /// <summary>The transaction's id.</summary>
    public string Id { get; init; } = "";
    /// <summary>e.g. <c>payment.capture</c>, <c>payment.refund</c>, <c>settlement.release</c>.</summary>
    public string Type { get; init; } = "";
    /// <summary>What it records (a payment, refund, payout, dispute id).</summary>
    public string Reference { get; init; } = "";
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary>The postings; they sum to zero.</summary>
    public IReadOnlyList<LedgerPosting> Postings { get; init; } = [];
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
}

/// <summary>One posting of a ledger transaction.</summary>
public sealed record LedgerPosting
{
    /// <summary>The ledger account posted to.</summary>
    public string Account { get; init; } = "";
    /// <summary>Signed minor units.</summary>
    public long Amount { get; init; }
}

/// <summary>The answer of <c>POST /v1/admin/reconciliation</c>.</summary>
public sealed record ReconciliationReport
{
    /// <summary>When it ran.</summary>
    public string At { get; init; } = "";
    /// <summary>Scopes checked.</summary>
    public int Scopes { get; init; }
    /// <summary>Transactions checked.</summary>
    public int Transactions { get; init; }
    /// <summary>Transactions that do not balance.</summary>
    public IReadOnlyList<string> Unbalanced { get; init; } = [];
    /// <summary>Balances that differ from the sum of their entries.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Drift { get; init; } = [];
}
