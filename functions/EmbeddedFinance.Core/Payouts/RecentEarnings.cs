using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Ledger;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// What an automatic payout keeps back for <c>delay_days</c>: every amount settlement released into the account's
/// available balance within the last days. Read through the account's ledger index from the first transaction of
/// the window on, so it costs the window's transactions, never the account's history. It counts each release's
/// credits and ignores its debits (a refund's release) and everything else that reached available (a failed payout
/// returning), so it is never less than the window's net earnings: the payout it leaves can only be smaller than
/// "available less recent earnings", never larger.
/// </summary>
public sealed class RecentEarnings(ILedgerReader ledger, TimeProvider clock)
{
    public async Task<long> HeldAsync(string scope, string account, Currency currency, int days, CancellationToken cancellationToken)
    {
        if (days <= 0) return 0;
        var available = LedgerAccounts.Available(account);
        var cursor = PrefixedId.Earliest("ltx", clock.GetUtcNow().AddDays(-days));
        long held = 0;
        while (true)
        {
            var page = await ledger.TransactionsAsync(scope, new PageRequest(PageRequest.MaxLimit, cursor), account, cancellationToken);
            held += page.Data
                .Where(transaction => transaction.Type == LedgerTypes.Release && transaction.Currency == currency)
                .SelectMany(transaction => transaction.Postings)
                .Where(posting => posting.Account == available && posting.Amount > 0)
                .Sum(posting => posting.Amount);
            if (!page.HasMore || page.Data.Count == 0) return held;
            cursor = page.Data[^1].Id;
        }
    }
}
