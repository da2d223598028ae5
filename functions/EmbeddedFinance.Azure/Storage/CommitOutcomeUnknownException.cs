namespace EmbeddedFinance.Azure.Storage;

/// <summary>
/// A batch's answer was lost and the SDK sent it again, which found its own rows: it most likely committed the first
/// time, but this call cannot say. Like storage not answering, the caller learns the outcome by retrying (the same
/// Idempotency-Key replays what committed; queue work re-reads).
/// </summary>
public sealed class CommitOutcomeUnknownException(string message, Exception inner) : Exception(message, inner);
