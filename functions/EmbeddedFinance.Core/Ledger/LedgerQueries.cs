using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Accounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Ledger;

/// <summary>The ledger as merchants read it: an account's balance, and the transactions (optionally of one account).</summary>
public sealed class LedgerQueries(ILedgerReader ledger, IAccountStore accounts)
{
    public async Task<Result<StoredResponse>> BalanceAsync(Caller.Merchant caller, string accountId, CancellationToken cancellationToken)
    {
        if (!PrefixedId.IsWellFormed(accountId, "acct") || !await accounts.ExistsAsync(caller.Scope, accountId, cancellationToken)) return Errors.ResourceMissing("account");
        var balances = await ledger.BalancesAsync(caller.Scope, accountId + ":", cancellationToken);
        return StoredResponse.Of(200, BalanceView.Of(accountId, balances));
    }

    /// <summary>The objects whose ledger transactions can be listed by <c>reference</c>.</summary>
    private static readonly string[] ReferencePrefixes = ["pay", "re", "po", "dp"];

    public async Task<Result<StoredResponse>> TransactionsAsync(Caller.Merchant caller, PageRequest page, string? accountId, string? reference, CancellationToken cancellationToken)
    {
        if (reference is not null)
        {
            if (accountId is not null) return Errors.ParameterInvalid("reference", "Filter by account or by reference, not both.");
            if (!ReferencePrefixes.Any(prefix => PrefixedId.IsWellFormed(reference, prefix))) return Errors.ParameterInvalid("reference", "The reference must be the id of a payment, refund, payout or dispute (pay_…, re_…, po_…, dp_…).");
            var caused = await ledger.TransactionsOfAsync(caller.Scope, reference, page, cancellationToken);
            return StoredResponse.Of(200, new ListView<LedgerTransactionView>("list", caused.Data.Select(LedgerTransactionView.From).ToList(), caused.HasMore, "/v1/ledger/transactions"));
        }
        if (accountId is not null && (!PrefixedId.IsWellFormed(accountId, "acct") || !await accounts.ExistsAsync(caller.Scope, accountId, cancellationToken)))
        {
            return Errors.ResourceMissing("account", "account");
        }
        var found = await ledger.TransactionsAsync(caller.Scope, page, accountId, cancellationToken);
        return StoredResponse.Of(200, new ListView<LedgerTransactionView>("list", found.Data.Select(LedgerTransactionView.From).ToList(), found.HasMore, "/v1/ledger/transactions"));
    }
}
