namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// One bucket of the work calendar as a sweep read it: the scopes marked in it, and whether it has closed (no writer
/// marks it any more, so once its scopes are handled its rows can go).
/// </summary>
public sealed record WorkBucket(DateTimeOffset Start, bool Closed, IReadOnlyList<string> Scopes);
