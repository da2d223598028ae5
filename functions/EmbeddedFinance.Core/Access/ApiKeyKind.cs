namespace EmbeddedFinance.Core.Access;

public enum ApiKeyKind
{
    /// <summary><c>sk_…</c>: full access to the merchant's own data, and the only kind that may manage keys.</summary>
    Secret,

    /// <summary><c>pk_…</c>: safe to ship in a browser or app; may only tokenize cards.</summary>
    Publishable,

    /// <summary><c>rk_…</c>: a secret key narrowed to the <see cref="KeyPermissions"/> it was given.</summary>
    Restricted,
}
