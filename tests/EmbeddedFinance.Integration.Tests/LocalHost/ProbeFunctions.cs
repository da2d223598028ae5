using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

/// <summary>Test-only functions the development host runs beside the app's own, to prove its trigger semantics.</summary>
public sealed class ProbeFunctions(ProbeRecorder recorder)
{
    public void AlwaysFails(string message)
    {
        recorder.Record("fail", message);
        throw new InvalidOperationException("The probe fails on purpose.");
    }

    public Task ReceivesAsync(ProbeMessage message, CancellationToken cancellationToken)
    {
        recorder.Record("ok", message.Text);
        return Task.CompletedTask;
    }

    /// <summary>Records the occurrence the host says this firing belongs to: the one before <c>ScheduleStatus.Next</c>.</summary>
    public void Tick(TimerInfo timer) => recorder.Record("tick", timer.ScheduleStatus!.Next.ToString("O"));

    public void NeedsUnbindable(string message, Uri unbindable)
    {
    }
}

public sealed record ProbeMessage(string Text);

public sealed class ProbeRecorder
{
    private readonly ConcurrentQueue<(string Kind, string Value, DateTime At)> calls = new();

    public void Record(string kind, string value) => calls.Enqueue((kind, value, DateTime.UtcNow));

    public IReadOnlyList<(string Value, DateTime At)> Of(string kind) => calls.Where(c => c.Kind == kind).Select(c => (c.Value, c.At)).ToList();
}

/// <summary>functions.metadata entries for the probe functions, shaped as the Worker SDK writes them.</summary>
public static class ProbeMetadata
{
    private static readonly string ScriptFile = typeof(ProbeFunctions).Assembly.GetName().Name + ".dll";

    public static FunctionMetadata Queue(string name, string method, string queueNameExpression) =>
        Entry(name, method, $$"""{"name":"message","direction":"In","type":"queueTrigger","dataType":"String","queueName":"{{queueNameExpression}}","connection":"AzureWebJobsStorage"}""");

    public static FunctionMetadata Timer(string name, string schedule) =>
        Entry(name, nameof(ProbeFunctions.Tick), $$"""{"name":"timer","direction":"In","type":"timerTrigger","schedule":"{{schedule}}"}""");

    /// <summary>An anonymous GET trigger on <paramref name="route"/>, bound to the <c>HttpRequest request</c> of a method of any test class.</summary>
    public static FunctionMetadata Http(string name, Type type, string method, string route) =>
        Entry(name, type, method,
            $$"""{"name":"request","direction":"In","type":"httpTrigger","authLevel":"Anonymous","methods":["get"],"route":"{{route}}"}""",
            """{"name":"$return","type":"http","direction":"Out"}""");

    public static FunctionMetadata Entry(string name, string method, params string[] bindings) => Entry(name, typeof(ProbeFunctions), method, bindings);

    private static FunctionMetadata Entry(string name, Type type, string method, params string[] bindings) => new(
        name, ScriptFile, $"{type.FullName}.{method}",
        bindings.Select(binding => JsonNode.Parse(binding)!.AsObject()).ToList());
}
