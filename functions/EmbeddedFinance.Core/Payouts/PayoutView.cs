namespace EmbeddedFinance.Core.Payouts;

/// <summary>A payout as the API shows it: the destination by its last four characters only.</summary>
public sealed record PayoutView(
    string Id,
    string Object,
    string Account,
    long Amount,
    long Fee,
    string Currency,
    string Method,
    string Status,
    string DestinationLast4,
    string? Description,
    string? FailureCode,
    string? FailureMessage,
    long Created,
    bool Livemode)
{
    public static PayoutView From(Payout payout) => new(
        payout.Id, "payout", payout.Account, payout.Amount, payout.Fee, payout.Currency.Code, payout.Method.ApiName(), payout.Status.ApiName(),
        payout.DestinationLast4,
        payout.Description, payout.FailureCode, payout.FailureMessage, payout.Created.ToUnixTimeSeconds(), payout.Mode == Common.Mode.Live);
}
