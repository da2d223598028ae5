namespace EmbeddedFinance.Azure.Events;

/// <summary>Service Bus publication of events: off unless a namespace (identity) or a connection string is set.</summary>
public sealed class ServiceBusOptions : Core.Common.ISelfValidatingOptions
{
    public const string Section = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }
    public string? ConnectionString { get; set; }
    public string Topic { get; set; } = "events";

    public bool Enabled => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(ConnectionString);

    public string? Problem() =>
        !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && !string.IsNullOrWhiteSpace(ConnectionString) ? $"Set {Section}:{nameof(FullyQualifiedNamespace)} (identity) or {Section}:{nameof(ConnectionString)}, not both."
        : !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns ? $"{Section}:{nameof(FullyQualifiedNamespace)} must be a host name such as name.servicebus.windows.net."
        : string.IsNullOrWhiteSpace(Topic) ? $"{Section}:{nameof(Topic)} must name the topic."
        : null;
}
