using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Logging;

/// <summary>
/// Wraps a logger provider so everything it receives has passed <see cref="LogRedactor"/>: the formatted message,
/// every structured value (which exporters such as Application Insights read without formatting), the exception
/// and the scopes.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped) scoped.SetScopeProvider(scopeProvider);
    }

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => state switch
        {
            string text => inner.BeginScope(LogRedactor.Redact(text)),
            IEnumerable<KeyValuePair<string, object?>> values => inner.BeginScope(new RedactedState(Redact(values), LogRedactor.Redact(state.ToString() ?? ""))),
            _ => inner.BeginScope(state),
        };

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var redacted = new RedactedState(
                state is IReadOnlyList<KeyValuePair<string, object?>> values ? Redact(values) : [],
                // The template too: a value interpolated into it (LogError($"…{number}")) is a leak like any other.
                LogRedactor.Redact(formatter(state, exception)));
            inner.Log(logLevel, eventId, redacted, RedactedException.Of(exception), static (s, _) => s.Message);
        }

        private static List<KeyValuePair<string, object?>> Redact(IEnumerable<KeyValuePair<string, object?>> values) =>
            values.Select(pair => new KeyValuePair<string, object?>(pair.Key, LogRedactor.Redact(pair.Value))).ToList();
    }

    /// <summary>The structured values and the message, both redacted; reads like the state the logging templates make.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}

public static class LogRedaction
{
    /// <summary>
    /// Wraps every logger provider registered so far in a <see cref="RedactingLoggerProvider"/>. Call it after the
    /// providers are added (the Functions worker and the development host add theirs before the app's services).
    /// </summary>
    public static IServiceCollection RedactLogs(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(provider => new RedactingLoggerProvider(Resolve(provider, descriptor)));
        }
        return services;
    }

    private static ILoggerProvider Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
