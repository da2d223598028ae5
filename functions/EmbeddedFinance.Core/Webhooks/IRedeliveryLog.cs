namespace EmbeddedFinance.Core.Webhooks;

/// <summary>Manual redeliveries per event and endpoint, kept in storage so that the bound holds across instances.</summary>
public interface IRedeliveryLog
{
    Task<RedeliveryWindow> GetAsync(string scope, string eventId, string endpointId, CancellationToken cancellationToken);

    /// <summary>Writes the window; <see cref="Common.ConcurrencyConflictException"/> when it changed since <see cref="RedeliveryWindow.Version"/> was read.</summary>
    Task SaveAsync(string scope, string eventId, string endpointId, RedeliveryWindow window, CancellationToken cancellationToken);
}
