namespace EmbeddedFinance.Core.Common;

/// <summary>The row changed since it was read (its ETag no longer matches): re-read and decide again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
