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
    /// <summary>What the account must still supply, what is being verified, and why a field was refused.</summary>
    public AccountRequirements? Requirements { get; init; }
    /// <summary>Whether payments may be split to the account.</summary>
    public bool ChargesEnabled { get; init; }
    /// <summary>Whether the account may be paid out (its identity verified).</summary>
    public bool PayoutsEnabled { get; init; }
    /// <summary>What is shown of the person behind the account.</summary>
    public IndividualSummary? Individual { get; init; }
}

/// <summary>An account's identity requirements.</summary>
public sealed record AccountRequirements
{
    /// <summary>Fields still to supply (or supplied and refused).</summary>
    public IReadOnlyList<string> CurrentlyDue { get; init; } = [];
    /// <summary>Fields waiting for verification or manual review.</summary>
    public IReadOnlyList<string> PendingVerification { get; init; } = [];
    /// <summary>Why supplied fields did not verify.</summary>
    public IReadOnlyList<RequirementError> Errors { get; init; } = [];
}

/// <summary>A supplied field that did not verify.</summary>
public sealed record RequirementError
{
    /// <summary>Such as <c>individual.id_number_last4</c>.</summary>
    public string Field { get; init; } = "";
    /// <summary><c>id_number_mismatch</c> or <c>under_review</c>.</summary>
    public string Code { get; init; } = "";
}

/// <summary>What the API shows of the person behind an account: never more than the year of birth and last four of the id number.</summary>
public sealed record IndividualSummary
{
    /// <summary><c>unverified</c>, <c>pending</c>, <c>under_review</c>, <c>verified</c> or <c>failed</c>.</summary>
    public string VerificationStatus { get; init; } = "";
    /// <summary>The year of birth, once supplied.</summary>
    public int? DobYear { get; init; }
    /// <summary>The last four digits of the id number (US), once supplied.</summary>
    public string? IdNumberLast4 { get; init; }
}

/// <summary>Identity of the person behind an account, for <c>PATCH /v1/accounts/{id}</c>; members left out keep what was supplied.</summary>
public sealed record IndividualInput
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }
    /// <summary>Family name.</summary>
    public string? LastName { get; init; }
    /// <summary>Date of birth (at least 18 years ago).</summary>
    public DateOfBirth? Dob { get; init; }
    /// <summary>Postal address in the account's country.</summary>
    public AddressInput? Address { get; init; }
    /// <summary>US: the last four digits of the SSN.</summary>
    public string? IdNumberLast4 { get; init; }
}

/// <summary>A date of birth.</summary>
public sealed record DateOfBirth
{
    /// <summary>1–31.</summary>
    public required int Day { get; init; }
    /// <summary>1–12.</summary>
    public required int Month { get; init; }
    /// <summary>1900 or later.</summary>
    public required int Year { get; init; }
}

/// <summary>A postal address.</summary>
public sealed record AddressInput
{
    /// <summary>Street and number.</summary>
    public required string Line1 { get; init; }
    /// <summary>More of the street address.</summary>
    public string? Line2 { get; init; }
    /// <summary>City.</summary>
    public required string City { get; init; }
    /// <summary>US state or Canadian province code; elsewhere optional.</summary>
    public string? State { get; init; }
    /// <summary>ZIP or postal code.</summary>
    public required string PostalCode { get; init; }
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
    /// <summary>Identity fields to supply; verification starts once nothing is due.</summary>
    public IndividualInput? Individual { get; init; }
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
