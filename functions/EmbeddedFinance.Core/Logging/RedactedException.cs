namespace EmbeddedFinance.Core.Logging;

/// <summary>
/// What a log sink receives in place of an exception whose text holds something shaped like a card number or a
/// secret (a parse error quoting its input, a client error quoting a request): the original type's name and the
/// redacted message, the original stack trace (frames hold no values), its inner exceptions treated alike. An
/// exception with nothing to mask reaches the sink as itself.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? stackTrace;
    private readonly string text;

    private RedactedException(Exception original, string redactedText)
        : base($"{original.GetType().FullName}: {LogRedactor.Redact(original.Message)}", Of(original.InnerException))
    {
        stackTrace = original.StackTrace;
        text = redactedText;
        HResult = original.HResult;
    }

    public override string? StackTrace => stackTrace;

    public override string ToString() => text;

    /// <summary>The exception as a sink may see it: itself when nothing in its text (inner exceptions included) needs masking.</summary>
    public static Exception? Of(Exception? exception)
    {
        if (exception is null or RedactedException) return exception;
        var text = exception.ToString();
        var redacted = LogRedactor.Redact(text);
        return redacted == text ? exception : new RedactedException(exception, redacted);
    }
}
