using System.Security.Cryptography;
using System.Text;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Onboarding;

namespace EmbeddedFinance.Azure.Onboarding;

/// <summary>
/// The hour's counters in one partition, so the address's and the platform's move together in one batch, each row
/// written only if it is still what was read: racing sign-ups on any instance retry rather than both squeezing under a
/// cap. The address is stored as a keyed hash, never as itself. A refused sign-up writes nothing.
/// </summary>
public sealed class TableSignupQuota(StateTable table, StateBatches batches) : ISignupQuota
{
    public const string Partition = "signups";
    private const string Kind = "signup_count";
    private const int Attempts = 8;

    public async Task<TimeSpan?> TryClaimAsync(string address, int perAddress, int perPlatform, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var hour = hourStart.ToString("yyyyMMddHH");
        var platformKey = StateTable.RowKey(Kind, hour);
        var addressKey = StateTable.RowKey(Kind, $"{hour}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("signup-address:" + address)))[..32]}");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var platform = await ReadAsync(platformKey, cancellationToken);
            var byAddress = await ReadAsync(addressKey, cancellationToken);
            if (platform.Count >= perPlatform || byAddress.Count >= perAddress) return hourStart.AddHours(1) - now;
            try
            {
                var batch = batches.For(Partition);
                Count(batch, platform);
                Count(batch, byAddress);
                await batch.SubmitAsync(cancellationToken);
                return null;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts - 1)
            {
                // Another sign-up counted first: read the new counts and decide again.
            }
        }
        throw new ConcurrencyConflictException("The sign-up counters kept changing under this request.");
    }

    private async Task<SignupCountEntity> ReadAsync(string rowKey, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<SignupCountEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value! : new SignupCountEntity { PartitionKey = Partition, RowKey = rowKey };
    }

    private static void Count(StateBatch batch, SignupCountEntity counter)
    {
        var isNew = counter.ETag == default;
        counter.Count++;
        if (isNew) batch.AddGuarded(counter);
        else batch.Replace(counter);
    }
}
