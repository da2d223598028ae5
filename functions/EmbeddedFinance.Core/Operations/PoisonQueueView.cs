using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Operations;

/// <summary>One platform queue's poison twin as an operator sees it.</summary>
[Description("One queue the platform consumes and its `<queue>-poison` twin.")]
public sealed record PoisonQueueView(
    [Description("The queue's name as configured (`Queues:…`); the `{queue}` of the requeue route.")]
    string Queue,
    string PoisonQueue,
    [Description("How many messages the poison queue holds, as the queue service counts them.")]
    int ApproximateCount,
    [Description("Up to 32 of its oldest messages, left in place."), MaxLength(32)]
    IReadOnlyList<PoisonMessageView> Messages);

/// <summary>A poisoned message; <see cref="Body"/> is its text as stored (base64, as the triggers read it), so it can be compared byte for byte.</summary>
[Description("A message that failed every attempt, as stored.")]
public sealed record PoisonMessageView(
    [Description("The queue service's message id.")]
    string Id,
    [Description("When it entered the poison queue (Unix seconds)."), Required]
    long? InsertedAt,
    [Description("How often it was read from the poison queue (peeking does not count).")]
    long DequeueCount,
    [Description("The message text exactly as stored (base64, as the queue triggers read it); requeueing sends these bytes back unchanged.")]
    string Body);

public sealed record PoisonRequeueView(
    [AllowedValues("poison_requeue")]
    string Object,
    string Queue,
    [Description("How many messages moved back (fewer than `limit` when the poison queue ran out).")]
    int Requeued);
