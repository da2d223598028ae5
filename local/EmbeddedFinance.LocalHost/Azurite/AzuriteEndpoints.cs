namespace EmbeddedFinance.LocalHost.Azurite;

/// <summary>Where an Azurite instance listens, and the connection string that reaches it.</summary>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    public static AzuriteEndpoints Default { get; } = new(10000, 10001, 10002);

    /// <summary>Azurite's documented well-known development account and key: public, and useless outside Azurite.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static bool IsDevelopmentStorage(string? connectionString) =>
        string.Equals(connectionString?.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
}
