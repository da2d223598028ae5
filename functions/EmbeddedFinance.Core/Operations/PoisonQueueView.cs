namespace EmbeddedFinance.Core.Operations;

/// <summary>One platform queue's poison twin as an operator sees it.</summary>
public sealed record PoisonQueueView(string Queue, string PoisonQueue, int ApproximateCount, IReadOnlyList<PoisonMessageView> Messages);

/// <summary>A poisoned message; <see cref="Body"/> is its text as stored (base64, as the triggers read it), so it can be compared byte for byte.</summary>
public sealed record PoisonMessageView(string Id, long? InsertedAt, long DequeueCount, string Body);

public sealed record PoisonRequeueView(string Object, string Queue, int Requeued);
