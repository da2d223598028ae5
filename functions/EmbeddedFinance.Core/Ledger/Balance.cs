namespace EmbeddedFinance.Core.Ledger;

/// <summary>A balance as stored, with the version (ETag) it was read at; <see cref="Version"/> is null when there is no row yet.</summary>
public sealed record Balance(BalanceKey Key, long Amount, string? Version)
{
    public static Balance Empty(BalanceKey key) => new(key, 0, null);
}
