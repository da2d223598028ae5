namespace EmbeddedFinance.Client;

/// <summary>A connected account: a seller or driver a payment is split with and paid out to.</summary>
public sealed record Account : IHasId
{
    /// <summary><c>acct_…</c></summary>
    public string Id { get; init; } = "";
    /// <summary>The name shown for the account.</summary>
    public string DisplayName { get; init; } = "";
    /// <summary>The account holder's email.</summary>
    public string Email { get; init; } = "";
    /// <summary>ISO 3166 country code.</summary>
    public string Country { get; init; } = "";
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string DefaultCurrency { get; init; } = "";
    /// <summary>Where payouts go (only its last four digits), if set.</summary>
    public PayoutDestination? PayoutDestination { get; init; }
    /// <summary>When the account is paid out automatically.</summary>
    public PayoutSchedule? PayoutSchedule { get; init; }
    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }
    /// <summary>Whether the account is live (false: test mode).</summary>
    public bool Livemode { get; init; }
}

/// <summary>A payout destination as the API shows it: never the full number.</summary>
public sealed record PayoutDestination
{
    /// <summary><c>bank_account</c></summary>
    public string Type { get; init; } = "";
    /// <summary>ISO 3166 country code.</summary>
    public string Country { get; init; } = "";
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary>The last four digits of the account number or IBAN.</summary>
    public string Last4 { get; init; } = "";
}

/// <summary>A bank account to pay out to (sealed in the platform's vault).</summary>
public sealed record PayoutDestinationInput
{
    /// <summary><c>bank_account</c></summary>
    public string Type { get; init; } = "bank_account";
    /// <summary>ISO 3166 country code.</summary>
    public required string Country { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public required string Currency { get; init; }
    /// <summary>The holder's name.</summary>
    public string? AccountHolderName { get; init; }
    /// <summary>US routing number.</summary>
    public string? RoutingNumber { get; init; }
    /// <summary>US account number.</summary>
    public string? AccountNumber { get; init; }
    /// <summary>IBAN, outside the US.</summary>
    public string? Iban { get; init; }
}

/// <summary>When an account is paid out automatically.</summary>
public sealed record PayoutSchedule
{
    /// <summary><c>manual</c>, <c>daily</c>, <c>weekly</c> or <c>monthly</c>.</summary>
    public string Interval { get; init; } = "manual";
    /// <summary>For weekly: <c>monday</c>…<c>sunday</c>.</summary>
    public string? WeeklyAnchor { get; init; }
    /// <summary>For monthly: 1–31.</summary>
    public int? MonthlyAnchor { get; init; }
    /// <summary>Days earnings are held before they are paid out (0–30).</summary>
    public int? DelayDays { get; init; }
}

/// <summary>The body of <c>POST /v1/accounts</c>.</summary>
public sealed record CreateAccountRequest
{
    /// <summary>The name shown for the account.</summary>
    public required string DisplayName { get; init; }
    /// <summary>The account holder's email.</summary>
    public required string Email { get; init; }
    /// <summary>ISO 3166 country code.</summary>
    public required string Country { get; init; }
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public required string DefaultCurrency { get; init; }
    /// <summary>Where payouts go.</summary>
    public PayoutDestinationInput? PayoutDestination { get; init; }
    /// <summary>Automatic payouts (default manual).</summary>
    public PayoutSchedule? PayoutSchedule { get; init; }
}

/// <summary>The body of <c>PATCH /v1/accounts/{id}</c>.</summary>
public sealed record UpdateAccountRequest
{
    /// <summary>The new payout schedule.</summary>
    public PayoutSchedule? PayoutSchedule { get; init; }
}

/// <summary>An account's balance per currency.</summary>
public sealed record Balance
{
    /// <summary>What can be paid out now (negative when a refund or dispute took more than was left).</summary>
    public IReadOnlyList<BalanceAmount> Available { get; init; } = [];
    /// <summary>Earnings not yet settled.</summary>
    public IReadOnlyList<BalanceAmount> Pending { get; init; } = [];
    /// <summary>Payouts on their way.</summary>
    public IReadOnlyList<BalanceAmount> InTransit { get; init; } = [];
}

/// <summary>An amount in one currency.</summary>
public sealed record BalanceAmount
{
    /// <summary>Lower-case ISO 4217 currency.</summary>
    public string Currency { get; init; } = "";
    /// <summary>Minor units.</summary>
    public long Amount { get; init; }
}
