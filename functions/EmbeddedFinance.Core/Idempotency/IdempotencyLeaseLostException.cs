namespace EmbeddedFinance.Core.Idempotency;

/// <summary>The in-flight record changed under the lease (it expired and another request took it over).</summary>
public sealed class IdempotencyLeaseLostException(string message, Exception? inner = null) : Exception(message, inner);
