using Azure;
using Azure.Data.Tables;

namespace EmbeddedFinance.Azure.Merchants;

public sealed class MerchantEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    public string DefaultCurrency { get; set; } = "";
    public DateTimeOffset Created { get; set; }

    /// <summary>Null on rows written before versions were dates: those merchants have the first version.</summary>
    public string? ApiVersion { get; set; }

    public string? Email { get; set; }
    public string? TermsVersion { get; set; }
    public DateTimeOffset? TermsAcceptedAt { get; set; }
}
