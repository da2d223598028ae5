using System.Text.Json.Serialization;

namespace EmbeddedFinance.Client;

/// <summary>A platform queue's poison twin and what sits in it (operator).</summary>
public sealed record PoisonQueueInfo
{
    /// <summary>The platform queue.</summary>
    public string Queue { get; init; } = "";
    /// <summary>Its poison twin.</summary>
    [JsonPropertyName("poison_queue")]
    public string PoisonQueueName { get; init; } = "";
    /// <summary>About how many messages it holds.</summary>
    public int ApproximateCount { get; init; }
    /// <summary>Up to 32 of them, left in place.</summary>
    public IReadOnlyList<PoisonMessage> Messages { get; init; } = [];
}

/// <summary>One poisoned message.</summary>
public sealed record PoisonMessage
{
    /// <summary>The message id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    public long InsertedAt { get; init; }
    /// <summary>How often it was received.</summary>
    public int DequeueCount { get; init; }
    /// <summary>The body as stored (base64).</summary>
    public string Body { get; init; } = "";
}

/// <summary>The answer of requeueing poison messages.</summary>
public sealed record PoisonRequeue
{
    /// <summary>The queue they went back to.</summary>
    public string Queue { get; init; } = "";
    /// <summary>How many went back.</summary>
    public int Requeued { get; init; }
}

/// <summary>The answer of <c>GET /v1/admin/audit/verify</c>.</summary>
public sealed record AuditVerification
{
    /// <summary>The scope checked.</summary>
    public string Scope { get; init; } = "";
    /// <summary>Whether the chain is intact.</summary>
    public bool Valid { get; init; }
    /// <summary>Entries checked.</summary>
    public long Checked { get; init; }
    /// <summary>The head's sequence number.</summary>
    public long HeadSequence { get; init; }
    /// <summary>The first break, if any.</summary>
    public System.Text.Json.JsonElement? FirstBreak { get; init; }
}
