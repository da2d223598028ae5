namespace EmbeddedFinance.Core.Access;

public enum ApiKeyKind
{
    /// <summary><c>sk_…</c>: full access to the merchant's own data.</summary>
    Secret,

    /// <summary><c>pk_…</c>: safe to ship in a browser or app; may only tokenize cards.</summary>
    Publishable,
}
