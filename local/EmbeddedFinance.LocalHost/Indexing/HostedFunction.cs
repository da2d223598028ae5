using System.Reflection;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.LocalHost.Indexing;

/// <summary>A function resolved to its method, with one binder per parameter, ready to invoke.</summary>
public abstract record HostedFunction(FunctionMetadata Metadata, MethodInfo Method, IReadOnlyList<Func<TriggerInput, object?>> Binders)
{
    public string Name => Metadata.Name;

    public ObjectFactory? Factory { get; } = Method.IsStatic ? null : ActivatorUtilities.CreateFactory(Method.DeclaringType!, Type.EmptyTypes);
}

public sealed record HttpFunction(FunctionMetadata Metadata, MethodInfo Method, IReadOnlyList<Func<TriggerInput, object?>> Binders, string Route, IReadOnlyList<string> Methods)
    : HostedFunction(Metadata, Method, Binders);

public sealed record QueueFunction(FunctionMetadata Metadata, MethodInfo Method, IReadOnlyList<Func<TriggerInput, object?>> Binders, string QueueName, string Connection)
    : HostedFunction(Metadata, Method, Binders);

public sealed record TimerFunction(FunctionMetadata Metadata, MethodInfo Method, IReadOnlyList<Func<TriggerInput, object?>> Binders, Cronos.CronExpression Schedule, string ScheduleText, bool RunOnStartup)
    : HostedFunction(Metadata, Method, Binders);
