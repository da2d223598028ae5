namespace EmbeddedFinance.Core.Accounts;

public sealed record AccountView(string Id, string Object, string DisplayName, string Email, string Country, string DefaultCurrency, Payouts.PayoutDestinationView? PayoutDestination, long Created, bool Livemode)
{
    public static AccountView From(ConnectedAccount account) => new(
        account.Id, "account", account.DisplayName, account.Email, account.Country.Code, account.DefaultCurrency.Code, Payouts.PayoutDestinationView.From(account.PayoutDestination),
        account.Created.ToUnixTimeSeconds(), account.Mode == Common.Mode.Live);
}
