namespace EmbeddedFinance.Core.Access;

/// <summary>The resources a restricted key's permissions name (API.md, "Partner access").</summary>
public static class ApiResources
{
    public const string Payments = "payments";
    public const string Refunds = "refunds";
    public const string Payouts = "payouts";
    public const string Accounts = "accounts";
    public const string Tokens = "tokens";
    public const string WebhookEndpoints = "webhook_endpoints";
    public const string Events = "events";
    public const string Ledger = "ledger";
    public const string Balance = "balance";

    public static IReadOnlyList<string> All { get; } = [Payments, Refunds, Payouts, Accounts, Tokens, WebhookEndpoints, Events, Ledger, Balance];

    public static bool IsKnown(string resource) => All.Contains(resource, StringComparer.Ordinal);
}
