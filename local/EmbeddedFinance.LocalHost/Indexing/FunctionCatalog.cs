using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Cronos;
using EmbeddedFinance.LocalHost.Configuration;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace EmbeddedFinance.LocalHost.Indexing;

/// <summary>
/// Resolves every entry of functions.metadata to a method and a binder per parameter, or fails at start-up
/// with the function's name: a trigger this host cannot run must never surface at the first request.
/// </summary>
public static class FunctionCatalog
{
    private static readonly JsonSerializerOptions PocoJson = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<HostedFunction> Index(IEnumerable<FunctionMetadata> functions, IConfiguration configuration) =>
        functions.Select(function => Index(function, configuration)).ToList();

    public static HostedFunction Index(FunctionMetadata function, IConfiguration configuration)
    {
        var method = ResolveMethod(function);
        var trigger = function.Trigger ?? throw new FunctionIndexingException(function.Name, "it has no trigger binding.");
        foreach (var binding in function.Bindings.Where(binding => binding != trigger))
        {
            var isHttpReturn = Text(binding, "type") == "http" && Text(binding, "name") == "$return";
            if (!isHttpReturn)
            {
                throw new FunctionIndexingException(function.Name, $"the '{Text(binding, "type")}' binding '{Text(binding, "name")}' is not supported here; use the SDK clients instead of extra bindings.");
            }
        }

        var triggerParameter = Text(trigger, "name");
        return Text(trigger, "type") switch
        {
            "httpTrigger" => IndexHttp(function, method, trigger, triggerParameter),
            "queueTrigger" => IndexQueue(function, method, trigger, triggerParameter, configuration),
            "timerTrigger" => IndexTimer(function, method, trigger, triggerParameter, configuration),
            var other => throw new FunctionIndexingException(function.Name, $"the trigger type '{other}' is not supported by the development host."),
        };
    }

    private static HttpFunction IndexHttp(FunctionMetadata function, MethodInfo method, JsonObject trigger, string triggerParameter)
    {
        var authLevel = Text(trigger, "authLevel");
        if (!string.Equals(authLevel, "Anonymous", StringComparison.OrdinalIgnoreCase))
        {
            throw new FunctionIndexingException(function.Name, $"authLevel '{authLevel}' needs function keys; routes are Anonymous and authenticate in the API pipeline.");
        }
        var route = trigger["route"]?.GetValue<string>() ?? function.Name;
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(route);
        }
        catch (RoutePatternException invalid)
        {
            throw new FunctionIndexingException(function.Name, $"the route '{route}' is not a valid route template: {invalid.Message}");
        }
        var methods = (trigger["methods"] as JsonArray)?.Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList() ?? [];
        if (methods.Count == 0) methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

        var returnType = UnwrapTask(method.ReturnType);
        if (returnType is null || !typeof(IActionResult).IsAssignableFrom(returnType))
        {
            throw new FunctionIndexingException(function.Name, $"it returns {method.ReturnType.Name}; HTTP functions here return IActionResult (or Task<IActionResult>).");
        }

        var binders = method.GetParameters().Select<ParameterInfo, Func<TriggerInput, object?>>(parameter =>
        {
            if (parameter.Name == triggerParameter && parameter.ParameterType == typeof(HttpRequest))
            {
                return input => ((TriggerInput.Http)input).Context.Request;
            }
            if (parameter.ParameterType == typeof(CancellationToken)) return input => input.CancellationToken;
            if (pattern.GetParameter(parameter.Name!) is not null && parameter.ParameterType == typeof(string))
            {
                var name = parameter.Name!;
                return input => ((TriggerInput.Http)input).Context.GetRouteValue(name)?.ToString();
            }
            throw Unbindable(function, parameter);
        }).ToList();
        return new HttpFunction(function, method, binders, route, methods);
    }

    private static QueueFunction IndexQueue(FunctionMetadata function, MethodInfo method, JsonObject trigger, string triggerParameter, IConfiguration configuration)
    {
        var expression = Text(trigger, "queueName");
        var queueName = AppSettingExpression.Resolve(expression, configuration, function.Name);
        if (!IsValidQueueName(queueName))
        {
            // Name the setting the value came from (%Queues:Outbox%), which is what the operator must fix.
            throw new FunctionIndexingException(function.Name, $"'{queueName}' (from {expression}) is not a valid queue name (3–63 lower-case letters, digits and single dashes).");
        }
        var connection = trigger["connection"]?.GetValue<string>() is { Length: > 0 } named ? named : "AzureWebJobsStorage";
        if (configuration[connection] is not { Length: > 0 })
        {
            throw new FunctionIndexingException(function.Name, $"the connection setting '{connection}' is not set.");
        }

        var binders = method.GetParameters().Select<ParameterInfo, Func<TriggerInput, object?>>(parameter =>
        {
            if (parameter.ParameterType == typeof(CancellationToken)) return input => input.CancellationToken;
            if (parameter.Name != triggerParameter) throw Unbindable(function, parameter);
            var type = parameter.ParameterType;
            if (type == typeof(string)) return input => ((TriggerInput.Queue)input).Body.ToString();
            if (type == typeof(BinaryData)) return input => ((TriggerInput.Queue)input).Body;
            if (type == typeof(byte[])) return input => ((TriggerInput.Queue)input).Body.ToArray();
            if (type == typeof(QueueMessage)) return input => ((TriggerInput.Queue)input).Message;
            if (type.IsClass && !type.IsAbstract)
            {
                return input => JsonSerializer.Deserialize(((TriggerInput.Queue)input).Body.ToMemory().Span, type, PocoJson);
            }
            throw Unbindable(function, parameter);
        }).ToList();
        return new QueueFunction(function, method, binders, queueName, connection);
    }

    private static TimerFunction IndexTimer(FunctionMetadata function, MethodInfo method, JsonObject trigger, string triggerParameter, IConfiguration configuration)
    {
        var schedule = AppSettingExpression.Resolve(Text(trigger, "schedule"), configuration, function.Name);
        CronExpression expression;
        try
        {
            // NCRONTAB as the Functions host reads it: six fields, seconds first.
            expression = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException invalid)
        {
            throw new FunctionIndexingException(function.Name, $"the schedule '{schedule}' is not a six-field NCRONTAB expression: {invalid.Message}");
        }
        var runOnStartup = trigger["runOnStartup"]?.GetValue<bool>() ?? false;

        var binders = method.GetParameters().Select<ParameterInfo, Func<TriggerInput, object?>>(parameter =>
        {
            if (parameter.ParameterType == typeof(CancellationToken)) return input => input.CancellationToken;
            if (parameter.Name == triggerParameter && parameter.ParameterType == typeof(TimerInfo)) return input => ((TriggerInput.Timer)input).Info;
            throw Unbindable(function, parameter);
        }).ToList();
        return new TimerFunction(function, method, binders, expression, schedule, runOnStartup);
    }

    private static MethodInfo ResolveMethod(FunctionMetadata function)
    {
        var separator = function.EntryPoint.LastIndexOf('.');
        if (separator <= 0) throw new FunctionIndexingException(function.Name, $"the entry point '{function.EntryPoint}' is not Type.Method.");
        var typeName = function.EntryPoint[..separator];
        var methodName = function.EntryPoint[(separator + 1)..];

        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(function.ScriptFile)));
        }
        catch (FileNotFoundException)
        {
            throw new FunctionIndexingException(function.Name, $"its assembly '{function.ScriptFile}' is not referenced by the development host.");
        }
        var type = assembly.GetType(typeName)
            ?? throw new FunctionIndexingException(function.Name, $"the type '{typeName}' is not in {function.ScriptFile}.");
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(m => m.Name == methodName).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new FunctionIndexingException(function.Name, $"'{typeName}' has no public method '{methodName}'."),
            _ => throw new FunctionIndexingException(function.Name, $"'{typeName}.{methodName}' is overloaded; a function method must be unique."),
        };
    }

    private static Type? UnwrapTask(Type returnType)
    {
        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }
        return returnType == typeof(Task) || returnType == typeof(ValueTask) || returnType == typeof(void) ? null : returnType;
    }

    private static bool IsValidQueueName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]) && !name.Contains("--", StringComparison.Ordinal);

    private static FunctionIndexingException Unbindable(FunctionMetadata function, ParameterInfo parameter) =>
        new(function.Name, $"the parameter '{parameter.Name}' of type {parameter.ParameterType.Name} cannot be bound by the development host.");

    private static string Text(JsonObject binding, string member) => binding[member]?.GetValue<string>() ?? "";
}
