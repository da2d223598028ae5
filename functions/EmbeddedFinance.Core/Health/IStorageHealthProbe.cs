namespace EmbeddedFinance.Core.Health;

public interface IStorageHealthProbe
{
    Task<StorageHealthReport> ProbeAsync(CancellationToken cancellationToken);
}
