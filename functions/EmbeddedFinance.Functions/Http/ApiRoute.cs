using EmbeddedFinance.Core.Access;

namespace EmbeddedFinance.Functions.Http;

/// <summary>What the pipeline needs to know about a route: its audit name, who may call it, and whether an Idempotency-Key is required.</summary>
public sealed record ApiRoute(string Action, AccessPolicy Access, bool IdempotencyKeyRequired = false)
{
    /// <summary>Body members (dotted paths) left out of the idempotency fingerprint because nothing derived from them may be stored.</summary>
    public IReadOnlyList<string> UnfingerprintedMembers { get; init; } = [];

    /// <summary>A public route that is an API operation (a sign-up) rather than a document: it honours <c>EF-Version</c> as keyed routes do.</summary>
    public bool VersionedWhenPublic { get; init; }

    public bool Versioned => !Access.Anonymous || VersionedWhenPublic;
}
