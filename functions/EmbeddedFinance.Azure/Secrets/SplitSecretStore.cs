using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Core.Secrets;

namespace EmbeddedFinance.Azure.Secrets;

/// <summary>
/// Two vaults behind one store: the secrets the platform writes itself (<see cref="SecretNames.WrittenByThePlatform"/>)
/// in <paramref name="written"/>, where the app may write; every other secret (the data keys, the admin key) in
/// <paramref name="readOnly"/>, where the app's identity may only read (docs/decisions/019).
/// </summary>
public sealed class SplitSecretStore(ISecretStore readOnly, ISecretStore written) : ISecretStore
{
    public Task<SecretValue?> GetAsync(string name, CancellationToken cancellationToken) => For(name).GetAsync(name, cancellationToken);

    public Task<SecretValue?> GetVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        For(name).GetVersionAsync(name, version, cancellationToken);

    public Task<SecretValue> SetAsync(string name, Sensitive value, CancellationToken cancellationToken) => For(name).SetAsync(name, value, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => For(name).DeleteAsync(name, cancellationToken);

    private ISecretStore For(string name) => SecretNames.WrittenByThePlatform(name) ? written : readOnly;
}
