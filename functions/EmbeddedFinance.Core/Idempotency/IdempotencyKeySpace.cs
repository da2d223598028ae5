using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Core.Idempotency;

/// <summary>
/// Whose Idempotency-Keys a record belongs to within a merchant's scope. A publishable key ships in browsers and apps,
/// so anyone may hold it: its keys live apart from those of the merchant's server-side keys (secret, restricted), and a
/// publishable holder can neither claim a key the merchant's server will use nor probe it (a 409, 422 or replay).
/// The space is chosen by "is publishable", so every other kind of merchant key is server-side.
/// </summary>
public sealed class IdempotencyKeySpace
{
    /// <summary>Server-side keys and the admin key. Its record keys are the client's keys as sent, as before spaces existed.</summary>
    public static IdempotencyKeySpace ServerSide { get; } = new(null);

    /// <summary>Publishable keys (<c>pk_…</c>).</summary>
    public static IdempotencyKeySpace Publishable { get; } = new("publishable");

    private readonly string? name;

    private IdempotencyKeySpace(string? name) => this.name = name;

    public static IdempotencyKeySpace Of(Caller caller) =>
        caller is Caller.Merchant { Kind: ApiKeyKind.Publishable } ? Publishable : ServerSide;

    /// <summary>
    /// The key the store records <paramref name="clientKey"/> under. The separator is a control character, which
    /// <see cref="IdempotencyKey.Validate"/> refuses in a client's key, so no key sent in one space can name a record of another.
    /// </summary>
    public string RecordKey(string clientKey) => name is null ? clientKey : $"{name}\u001f{clientKey}";

    public override string ToString() => name ?? "server-side";
}
