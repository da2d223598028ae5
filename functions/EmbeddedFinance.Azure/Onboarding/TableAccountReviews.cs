using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Onboarding;

/// <summary>Accounts under manual review, in the work table (partition <c>account-reviews</c>, row key the account id).</summary>
public sealed class TableAccountReviews(TableServiceClient tables, IOptions<StorageOptions> options) : IAccountReviews
{
    public const string Partition = "account-reviews";

    private readonly TableClient table = tables.GetTableClient(options.Value.WorkTable);

    public Task PutAsync(string accountId, string scope, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition, accountId) { ["Scope"] = scope }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> ScopeOfAsync(string accountId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, accountId, ["Scope"], cancellationToken);
        return found.HasValue ? found.Value!.GetString("Scope") : null;
    }

    public async Task RemoveAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, accountId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // Already gone: removal is idempotent.
        }
    }
}
