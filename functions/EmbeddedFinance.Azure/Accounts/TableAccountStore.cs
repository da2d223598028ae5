using Azure;
using EmbeddedFinance.Azure.Events;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Onboarding;
using EmbeddedFinance.Core.Payouts;

namespace EmbeddedFinance.Azure.Accounts;

public sealed class TableAccountStore(StateTable table, StateBatches batches, TimeProvider clock) : IAccountStore
{
    // Every split of every payment checks its account: existence never changes (no deletion), so remember it.
    private readonly ExpiringCache<(string, string), bool> existing = new(TimeSpan.FromMinutes(10), clock);

    public async Task CreateAsync(ConnectedAccount account, PlatformEvent created, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = batches.For(account.Scope).Add(ToEntity(account)).AddEvent(created);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public Task UpdateAsync(ConnectedAccount account, PlatformEvent updated, IdempotencyCompletion? completion, CancellationToken cancellationToken) =>
        UpdateAsync(account, [updated], completion, cancellationToken);

    public async Task UpdateAsync(ConnectedAccount account, IReadOnlyList<PlatformEvent> events, IdempotencyCompletion? completion, CancellationToken cancellationToken)
    {
        var batch = batches.For(account.Scope).Replace(ToEntity(account));
        foreach (var change in events) batch.AddEvent(change);
        await batch.CompleteAsync(completion, cancellationToken);
        await batch.SubmitAsync(cancellationToken);
    }

    public async Task<ConnectedAccount?> GetAsync(string scope, string accountId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<AccountEntity>(scope, StateTable.RowKey(AccountEntity.Kind, accountId), cancellationToken: cancellationToken);
        return found.HasValue ? ToAccount(found.Value!) : null;
    }

    public Task<bool> ExistsAsync(string scope, string accountId, CancellationToken cancellationToken) =>
        existing.GetOrAddAsync((scope, accountId), async token => await GetAsync(scope, accountId, token) is not null, cancellationToken, keep: exists => exists);

    public Task<Core.Api.Page<ConnectedAccount>> ListAsync(string scope, PageRequest page, CancellationToken cancellationToken) =>
        CursorPages.ReadAsync<AccountEntity, ConnectedAccount>(table.Client, scope, AccountEntity.Kind, page, ToAccount, cancellationToken);

    private static AccountEntity ToEntity(ConnectedAccount account) => new()
    {
        PartitionKey = account.Scope,
        RowKey = StateTable.RowKey(AccountEntity.Kind, account.Id),
        ETag = account.Version is null ? default : new ETag(account.Version),
        DisplayName = account.DisplayName,
        Email = account.Email,
        Country = account.Country.Code,
        DefaultCurrency = account.DefaultCurrency.Code,
        Mode = account.Mode.ToString(),
        Created = account.Created,
        DestinationCountry = account.PayoutDestination?.Country.Code,
        DestinationCurrency = account.PayoutDestination?.Currency.Code,
        DestinationLast4 = account.PayoutDestination?.Last4,
        DestinationKeyVersion = account.PayoutDestination?.KeyVersion,
        DestinationCiphertext = account.PayoutDestination?.Ciphertext,
        PayoutInterval = account.PayoutSchedule.Interval.ToString(),
        PayoutWeeklyAnchor = account.PayoutSchedule.WeeklyAnchor?.ToString(),
        PayoutMonthlyAnchor = account.PayoutSchedule.MonthlyAnchor,
        PayoutDelayDays = account.PayoutSchedule.DelayDays,
        VerificationStatus = account.Onboarding.Status.ToString(),
        Grandfathered = account.Onboarding.Grandfathered ? true : null,
        IdentityProvided = string.Join(',', account.Onboarding.Provided),
        IdentityKeyVersion = account.Onboarding.Identity?.KeyVersion,
        IdentityCiphertext = account.Onboarding.Identity?.Ciphertext,
        DobYear = account.Onboarding.DobYear,
        IdNumberLast4 = account.Onboarding.IdNumberLast4,
        SubmissionId = account.Onboarding.SubmissionId,
        VerificationErrors = account.Onboarding.Errors.Count == 0 ? null : string.Join(';', account.Onboarding.Errors.Select(error => $"{error.Field}:{error.Code}")),
    };

    private static Core.Onboarding.Onboarding ToOnboarding(AccountEntity entity)
    {
        if (entity.VerificationStatus is null) return Core.Onboarding.Onboarding.New with { Grandfathered = true };
        var identity = entity.IdentityCiphertext is null || entity.IdentityKeyVersion is null ? null : new SealedIdentity(entity.IdentityKeyVersion, entity.IdentityCiphertext);
        var provided = string.IsNullOrEmpty(entity.IdentityProvided) ? [] : entity.IdentityProvided.Split(',');
        var errors = string.IsNullOrEmpty(entity.VerificationErrors)
            ? []
            : entity.VerificationErrors.Split(';').Select(pair => pair.Split(':', 2)).Select(pair => new RequirementError(pair[0], pair[1])).ToList();
        return new Core.Onboarding.Onboarding(Enum.Parse<VerificationStatus>(entity.VerificationStatus), provided, identity, entity.DobYear, entity.IdNumberLast4, entity.SubmissionId, errors)
        {
            Grandfathered = entity.Grandfathered == true,
        };
    }

    private static PayoutSchedule ToSchedule(AccountEntity entity) => entity.PayoutInterval is null
        ? PayoutSchedule.Manual
        : new PayoutSchedule(Enum.Parse<PayoutInterval>(entity.PayoutInterval),
            entity.PayoutWeeklyAnchor is null ? null : Enum.Parse<DayOfWeek>(entity.PayoutWeeklyAnchor), entity.PayoutMonthlyAnchor, entity.PayoutDelayDays ?? 0);

    private static ConnectedAccount ToAccount(AccountEntity entity)
    {
        Country.TryParse(entity.Country, out var country);
        Currency.TryParse(entity.DefaultCurrency, out var currency);
        return new ConnectedAccount(entity.RowKey[(AccountEntity.Kind.Length + 1)..], entity.PartitionKey, entity.DisplayName, entity.Email,
            country, currency, Enum.Parse<Mode>(entity.Mode), entity.Created, ToDestination(entity))
        {
            PayoutSchedule = ToSchedule(entity),
            Onboarding = ToOnboarding(entity),
            Version = entity.ETag.ToString(),
        };
    }

    private static PayoutDestination? ToDestination(AccountEntity entity)
    {
        if (entity.DestinationCiphertext is null || entity.DestinationKeyVersion is null) return null;
        Country.TryParse(entity.DestinationCountry, out var country);
        Currency.TryParse(entity.DestinationCurrency, out var currency);
        return new PayoutDestination(country, currency, entity.DestinationLast4 ?? "", entity.DestinationKeyVersion, entity.DestinationCiphertext);
    }
}
