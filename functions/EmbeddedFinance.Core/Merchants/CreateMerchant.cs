using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Versions;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Merchants;

/// <summary>Onboards a merchant and mints its test keys, which the response shows once.</summary>
public sealed class CreateMerchant(IMerchantStore store, TimeProvider clock, ILogger<CreateMerchant> logger)
{
    public async Task<Result<StoredResponse>> HandleAsync(CreateMerchantCommand command, IdempotencyLease? lease, CancellationToken cancellationToken)
    {
        var merchant = new Merchant(PrefixedId.New("mer", clock), command.Name, command.Country, command.DefaultCurrency, clock.GetUtcNow())
        {
            ApiVersion = ApiVersions.Newest,
        };
        var secret = IssuedApiKey.Mint(merchant.Id, ApiKeyKind.Secret, Mode.Test, clock);
        var publishable = IssuedApiKey.Mint(merchant.Id, ApiKeyKind.Publishable, Mode.Test, clock);

        var response = StoredResponse.Of(201, MerchantView.From(merchant, MerchantApiKeysView.From(secret, publishable)));
        await store.CreateAsync(merchant, [secret.Record, publishable.Record], lease?.Complete(response), cancellationToken);

        logger.LogInformation("Created merchant {MerchantId} with keys {SecretKeyId} and {PublishableKeyId}",
            merchant.Id, secret.Record.KeyId, publishable.Record.KeyId);
        return response;
    }
}
