namespace EmbeddedFinance.Azure.Outbox;

/// <summary>The outbox queue's message: which scope has new events.</summary>
public sealed record OutboxNudgeMessage(string Scope);
