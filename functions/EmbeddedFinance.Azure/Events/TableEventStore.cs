using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Webhooks;

namespace EmbeddedFinance.Azure.Events;

public sealed class TableEventStore(StateTable table) : IEventStore
{
    public async Task<PlatformEvent?> GetAsync(string scope, string eventId, CancellationToken cancellationToken)
    {
        var found = await table.Client.GetEntityIfExistsAsync<EventEntity>(scope, StateTable.RowKey(EventEntity.Kind, eventId), cancellationToken: cancellationToken);
        return found.HasValue ? EventRows.ToEvent(found.Value!) : null;
    }

    public Task<Page<PlatformEvent>> ListAsync(string scope, PageRequest page, string? type, CancellationToken cancellationToken) => type is null
        ? CursorPages.ReadAsync<EventEntity, PlatformEvent>(table.Client, scope, EventEntity.Kind, page, EventRows.ToEvent, cancellationToken)
        : IndexPages.ReadAsync<EventEntity, PlatformEvent>(table.Client, scope, EventRows.TypeIndex(type), EventEntity.Kind, page, EventRows.ToEvent, cancellationToken);

    public Task<Page<PlatformEvent>> ListAboutAsync(string scope, string objectId, PageRequest page, CancellationToken cancellationToken) =>
        IndexPages.ReadAsync<EventEntity, PlatformEvent>(table.Client, scope, EventRows.ObjectIndex(objectId), EventEntity.Kind, page, EventRows.ToEvent, cancellationToken);
}
