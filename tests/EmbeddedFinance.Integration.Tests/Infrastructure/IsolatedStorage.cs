namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>Storage names of one test host on the shared Azurite: its own table prefix and queues, so hosts never see each other's state.</summary>
public static class IsolatedStorage
{
    public static string NewPrefix(string letter) => letter + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The settings (<c>Section:Name</c>) that give a host the prefix's tables and queues.</summary>
    public static Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["Storage:Prefix"] = prefix,
        ["Queues:Outbox"] = prefix + "-outbox",
        ["Queues:Settlement"] = prefix + "-settlement",
        ["Queues:Payouts"] = prefix + "-payouts",
        ["Queues:PayoutReports"] = prefix + "-payout-reports",
        ["Queues:Webhooks"] = prefix + "-webhooks",
        ["Queues:IntegrationEvents"] = prefix + "-integration-events",
        ["Queues:IdentityVerifications"] = prefix + "-identity-verifications",
    };
}
