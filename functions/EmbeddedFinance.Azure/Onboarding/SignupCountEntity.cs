using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Onboarding;

/// <summary>How many sign-ups one client address, or the platform, made in one clock hour.</summary>
public sealed class SignupCountEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Count { get; set; }
}
