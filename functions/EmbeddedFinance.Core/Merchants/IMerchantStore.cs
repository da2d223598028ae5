using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Idempotency;

namespace EmbeddedFinance.Core.Merchants;

public interface IMerchantStore
{
    /// <summary>Commits the merchant, its key records and the idempotency completion atomically.</summary>
    Task CreateAsync(Merchant merchant, IReadOnlyList<ApiKeyRecord> keys, IdempotencyCompletion? completion, CancellationToken cancellationToken);

    Task<Merchant?> GetAsync(string merchantId, CancellationToken cancellationToken);

    /// <summary>Pins the merchant to an API version.</summary>
    Task UpdateApiVersionAsync(string merchantId, string apiVersion, CancellationToken cancellationToken);
}
