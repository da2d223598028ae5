using EmbeddedFinance.Core.Logging;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Tests.Logging;

/// <summary>What a sink behind <see cref="RedactingLoggerProvider"/> receives: message, values, exception and scopes, all masked.</summary>
public sealed class RedactingLoggerProviderTests
{
    private const string CardNumber = "4242424242424242";
    private const string OtherCardNumber = "4111111111111111";
    private readonly CapturingProvider sink = new();
    private readonly ILogger logger;

    public RedactingLoggerProviderTests() => logger = new RedactingLoggerProvider(sink).CreateLogger("test");

    [Fact]
    public void The_message_and_every_structured_value_are_masked()
    {
        logger.LogInformation("Card {Number} declined", CardNumber);

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("Card ****4242 declined", entry.Message);
        Assert.Equal("****4242", entry.Values.Single(pair => pair.Key == "Number").Value);
    }

    [Fact]
    public void An_exception_quoting_a_card_number_reaches_the_sink_masked_with_its_type_stack_and_inner_exception()
    {
        var thrown = Catch(() => throw new FormatException($"The input string '{CardNumber}x' was not in a correct format.", new InvalidOperationException($"card {OtherCardNumber}")));

        logger.LogError(thrown, "Parsing failed");

        var logged = Assert.Single(sink.Entries).Exception!;
        Assert.DoesNotContain(CardNumber, logged.ToString());
        Assert.DoesNotContain(OtherCardNumber, logged.ToString());
        Assert.Equal($"System.FormatException: The input string '****4242x' was not in a correct format.", logged.Message);
        Assert.Contains(nameof(Catch), logged.StackTrace);
        Assert.Contains("****1111", logged.InnerException!.Message);
        Assert.DoesNotContain(OtherCardNumber, logged.InnerException.ToString());
    }

    [Fact]
    public void An_exception_with_nothing_to_mask_reaches_the_sink_as_itself()
    {
        var thrown = Catch(() => throw new TimeoutException("storage did not answer in 5 s"));

        logger.LogWarning(thrown, "Retrying");

        Assert.Same(thrown, Assert.Single(sink.Entries).Exception);
    }

    [Fact]
    public void Scopes_are_masked_whether_templates_text_or_dictionaries()
    {
        using (logger.BeginScope("Card {Number}", CardNumber))
        using (logger.BeginScope($"raw {CardNumber}"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Card"] = CardNumber }))
        {
            logger.LogInformation("inside");
        }

        Assert.Equal(3, sink.Scopes.Count);
        Assert.All(sink.Scopes, scope => Assert.DoesNotContain(CardNumber, Describe(scope)));
        Assert.Equal("Card ****4242", sink.Scopes[0].ToString());
        Assert.Equal("raw ****4242", sink.Scopes[1]);
        Assert.Equal("****4242", Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(sink.Scopes[2]).Single().Value);
    }

    private static string Describe(object scope) =>
        scope is IEnumerable<KeyValuePair<string, object?>> values ? $"{scope} {string.Join(",", values.Select(pair => $"{pair.Key}={pair.Value}"))}" : $"{scope}";

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception caught)
        {
            return caught;
        }
        throw new InvalidOperationException("the action did not throw");
    }

    private sealed record Entry(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception);

    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public List<Entry> Entries { get; } = [];
        public List<object> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            Scopes.Add(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new Entry(formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], exception));

        public void Dispose() { }
    }
}
