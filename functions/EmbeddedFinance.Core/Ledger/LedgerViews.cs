using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Ledger;

public sealed record AmountView(string Currency, long Amount);

/// <summary><c>GET /v1/accounts/{id}/balance</c>: a connected account's money per currency, by state.</summary>
public sealed record BalanceView(
    [AllowedValues("balance")]
    string Object,
    IReadOnlyList<AmountView> Available,
    IReadOnlyList<AmountView> Pending,
    IReadOnlyList<AmountView> InTransit)
{
    /// <summary>Every currency the account has ever held appears in all three lists, zero where there is nothing.</summary>
    public static BalanceView Of(string owner, IReadOnlyList<Balance> balances)
    {
        var currencies = balances.Select(balance => balance.Key.Currency.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<AmountView> Of(string account) => currencies
            .Select(currency => new AmountView(currency, balances.Where(balance => balance.Key.Account == account && balance.Key.Currency.Code == currency).Sum(balance => balance.Amount)))
            .ToList();
        return new BalanceView("balance", Of(LedgerAccounts.Available(owner)), Of(LedgerAccounts.Pending(owner)), Of(LedgerAccounts.InTransit(owner)));
    }
}

public sealed record PostingView(
    [Description("`clearing`, `fee`, `merchant:pending`, `acct_…:pending`, `acct_…:available`, …")]
    string Account,
    [Description("Credit (positive) or debit (negative), minor units.")]
    long Amount);

public sealed record LedgerTransactionView(
    string Id,
    [AllowedValues("ledger_transaction")]
    string Object,
    [AllowedValues("payment.capture", "payment.refund", "settlement.release")]
    string Type,
    [Description("The payment, refund or transaction that caused it.")]
    string Reference,
    string Currency,
    IReadOnlyList<PostingView> Postings,
    long Created)
{
    public static LedgerTransactionView From(LedgerTransaction transaction) => new(
        transaction.Id, "ledger_transaction", transaction.Type, transaction.Reference, transaction.Currency.Code,
        transaction.Postings.Select(posting => new PostingView(posting.Account, posting.Amount)).ToList(), transaction.Created.ToUnixTimeSeconds());
}
