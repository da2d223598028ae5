using System.Text;

namespace EmbeddedFinance.Integration.Tests.Sdk;

/// <summary>A console writer a test reads while a command is still writing to it.</summary>
public sealed class CapturedConsole : TextWriter
{
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (text) return text.ToString();
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override void Write(char value)
    {
        lock (text) text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (text) text.Append(value);
    }
}
