using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Accounts;

public sealed class AccountEntity : ITableEntity
{
    public const string Kind = "account";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Country { get; set; } = "";
    public string DefaultCurrency { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Created { get; set; }

    // The payout destination: sealed bank account, and the parts that may be shown.
    public string? DestinationCountry { get; set; }
    public string? DestinationCurrency { get; set; }
    public string? DestinationLast4 { get; set; }
    public string? DestinationKeyVersion { get; set; }
    public byte[]? DestinationCiphertext { get; set; }

    // The payout schedule; rows written before schedules have none and are manual.
    public string? PayoutInterval { get; set; }
    public string? PayoutWeeklyAnchor { get; set; }
    public int? PayoutMonthlyAnchor { get; set; }
    public int? PayoutDelayDays { get; set; }

    // Identity onboarding (ADR 026): rows written before it have no VerificationStatus and are grandfathered.
    public string? VerificationStatus { get; set; }
    public bool? Grandfathered { get; set; }
    public string? IdentityProvided { get; set; }
    public string? IdentityKeyVersion { get; set; }
    public byte[]? IdentityCiphertext { get; set; }
    public int? DobYear { get; set; }
    public string? IdNumberLast4 { get; set; }
    public string? SubmissionId { get; set; }

    /// <summary>The verification errors as <c>field:code</c> pairs joined by <c>;</c>.</summary>
    public string? VerificationErrors { get; set; }
}
