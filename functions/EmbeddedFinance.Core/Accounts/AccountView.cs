using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Accounts;

[Description("A connected account of a merchant: a seller or driver who receives splits of payments and payouts.")]
public sealed record AccountView(
    [Description("Unique identifier, prefixed `acct_`."), RegularExpression("^acct_"), Example("acct_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `account`."), AllowedValues("account")]
    string Object,
    [Description("The account's name, trimmed."), StringLength(200, MinimumLength = 1), Example("Dana Driver")]
    string DisplayName,
    [Description("The account's email address."), EmailAddress, StringLength(254), Example("dana@example.com")]
    string Email,
    [Description("Upper-case ISO 3166-1 alpha-2 country code."), CountryCode, Example("US")]
    string Country,
    [Description("Lower-case ISO 4217 currency code of the account's payouts."), CurrencyCode, Example("usd")]
    string DefaultCurrency,
    [Description("The account's payout destination, or null.")]
    Payouts.PayoutDestinationView? PayoutDestination,
    [Description("When the account is paid out automatically.")]
    PayoutScheduleView PayoutSchedule,
    [Description("When the account was created, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("`true` for live mode (`sk_live_…`), `false` for sandbox (`sk_test_…`).")]
    bool Livemode,
    [Description("What the account must still supply, what is being verified, and why a field was refused.")]
    Onboarding.RequirementsView Requirements,
    [Description("Whether payments may be split to the account (always `true`: earnings accrue to the balance whatever the verification).")]
    bool ChargesEnabled,
    [Description("Whether the account may be paid out: `true` once its identity is verified (`POST /v1/payouts` is otherwise `400 account_not_verified`, and scheduled payouts skip it).")]
    bool PayoutsEnabled,
    [Description("What is shown of the person behind the account: verification status, year of birth, last four of the id number.")]
    Onboarding.IndividualView Individual)
{
    public static AccountView From(ConnectedAccount account) => new(
        account.Id, "account", account.DisplayName, account.Email, account.Country.Code, account.DefaultCurrency.Code, Payouts.PayoutDestinationView.From(account.PayoutDestination),
        PayoutScheduleView.From(account.PayoutSchedule),
        account.Created.ToUnixTimeSeconds(), account.Mode == Common.Mode.Live,
        Onboarding.RequirementsView.From(account.Onboarding, account.Country), Onboarding.Onboarding.ChargesEnabled, account.Onboarding.PayoutsEnabled,
        Onboarding.IndividualView.From(account.Onboarding));
}
