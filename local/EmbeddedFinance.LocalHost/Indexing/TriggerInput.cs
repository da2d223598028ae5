using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.LocalHost.Indexing;

/// <summary>What a trigger hands to a function invocation, from which its parameters are bound.</summary>
public abstract record TriggerInput(CancellationToken CancellationToken)
{
    public sealed record Http(HttpContext Context) : TriggerInput(Context.RequestAborted);

    public sealed record Queue(QueueMessage Message, BinaryData Body, CancellationToken Token) : TriggerInput(Token);

    public sealed record Timer(TimerInfo Info, CancellationToken Token) : TriggerInput(Token);
}
