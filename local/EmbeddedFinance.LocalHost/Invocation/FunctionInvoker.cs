using System.Runtime.ExceptionServices;
using EmbeddedFinance.LocalHost.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.LocalHost.Invocation;

/// <summary>
/// Invokes a function method as the isolated worker does: a new DI scope and a new instance of the function
/// class per invocation, parameters bound from the trigger, the returned task awaited.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    public async Task<object?> InvokeAsync(HostedFunction function, TriggerInput input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = function.Factory?.Invoke(scope.ServiceProvider, null);
        try
        {
            var arguments = function.Binders.Select(bind => bind(input)).ToArray();
            object? returned;
            try
            {
                returned = function.Method.Invoke(instance, arguments);
            }
            catch (System.Reflection.TargetInvocationException wrapped) when (wrapped.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(wrapped.InnerException);
                throw;
            }
            return await AwaitResultAsync(returned);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private static async Task<object?> AwaitResultAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returned?.GetType() is { IsGenericType: true } valueTaskType && valueTaskType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueTaskType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    return await AwaitResultAsync(asTask);
                }
                return returned;
        }
    }
}
