using Azure;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Azure.Access;

/// <summary>
/// New keys' rows are written before the batch that commits their owner's change (ADR 014). When that batch is
/// refused outright (nothing of it was written), the rows are taken back, so a refused request changes nothing. Not
/// when the outcome is unknown (a timeout, a lost answer): the batch may have committed and its keys are in use.
/// </summary>
internal static class ApiKeyWithdrawal
{
    public static async Task RunAsync(StateTable table, IReadOnlyList<ApiKeyRecord> keys, Func<Task> commit, bool objectsWritten)
    {
        try
        {
            await commit();
        }
        catch (Exception refused) when (refused is IdempotencyLeaseLostException or ConcurrencyConflictException or global::Azure.Data.Tables.TableTransactionFailedException)
        {
            foreach (var key in keys)
            {
                await DeleteAsync(table, ApiKeyRows.ToEntity(key));
                if (objectsWritten) await DeleteAsync(table, ApiKeyRows.ToObjectEntity(key));
            }
            throw;
        }
    }

    private static async Task DeleteAsync(StateTable table, ApiKeyEntity row)
    {
        try
        {
            await table.Client.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Best effort: a row left behind belongs to a key nobody was shown, so nobody can present it.
        }
    }
}
