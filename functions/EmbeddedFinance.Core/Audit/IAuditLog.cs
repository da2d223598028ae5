namespace EmbeddedFinance.Core.Audit;

public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
