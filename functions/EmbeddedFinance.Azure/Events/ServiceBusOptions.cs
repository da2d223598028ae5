namespace EmbeddedFinance.Azure.Events;

/// <summary>Service Bus publication of events: off unless a namespace (identity) or a connection string is set.</summary>
public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }
    public string? ConnectionString { get; set; }
    public string Topic { get; set; } = "events";

    public bool Enabled => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);
}
