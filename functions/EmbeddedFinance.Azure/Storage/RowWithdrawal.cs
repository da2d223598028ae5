using Azure;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// Credential rows (API keys, OAuth clients) are written before the batch that commits their owner's change (ADR 014):
/// their index rows sit in other partitions than the batch. When that batch is refused outright (nothing of it was
/// written), the rows are taken back, so a refused request changes nothing. Not when the outcome is unknown (a timeout,
/// a lost answer): the batch may have committed and its credentials are in use.
/// </summary>
internal static class RowWithdrawal
{
    public static async Task RunAsync(StateTable table, IReadOnlyList<ITableEntity> rows, Func<Task> commit)
    {
        try
        {
            await commit();
        }
        catch (Exception refused) when (refused is IdempotencyLeaseLostException or ConcurrencyConflictException or TableTransactionFailedException)
        {
            foreach (var row in rows) await DeleteAsync(table, row);
            throw;
        }
    }

    private static async Task DeleteAsync(StateTable table, ITableEntity row)
    {
        try
        {
            await table.Client.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Best effort: a row left behind belongs to a credential nobody was shown, so nobody can present it.
        }
    }
}
