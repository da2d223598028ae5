namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// Accounts held for the operator's manual review, by account id: the admin route names only the account, and this
/// finds its scope without a scan. A row is written before the account commits <c>under_review</c> (a crash leaves a
/// row for an account not under review, which the admin route drops) and removed once the review is done.
/// </summary>
public interface IAccountReviews
{
    Task PutAsync(string accountId, string scope, CancellationToken cancellationToken);

    Task<string?> ScopeOfAsync(string accountId, CancellationToken cancellationToken);

    Task RemoveAsync(string accountId, CancellationToken cancellationToken);
}
