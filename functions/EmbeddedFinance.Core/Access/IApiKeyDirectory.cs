namespace EmbeddedFinance.Core.Access;

/// <summary>Finds a stored key by the hash of the presented key.</summary>
public interface IApiKeyDirectory
{
    Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);
}
