using System.Text.Json;

namespace EmbeddedFinance.Azure.Tests.Infrastructure;

/// <summary>
/// Evaluates the few ARM template functions that decide the network posture (parameters, variables, equals, not, and,
/// or, empty, if, createArray, createObject, string literals and property access), for given parameter values: so a
/// test can ask what prod gets rather than match the compiled text. Any other function (subscription(), resourceId())
/// stays <see cref="Opaque"/>: a value a test may carry along but never decide on.
/// </summary>
public sealed class ArmExpression(JsonDocument template, IReadOnlyDictionary<string, object?> parameters)
{
    public object? Evaluate(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()! is ['[', .. var body, ']'] && !body.StartsWith('[') => new Parser(this, body).Whole(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(property => property.Name, property => Evaluate(property.Value)),
        JsonValueKind.Array => value.EnumerateArray().Select(Evaluate).ToList(),
        _ => null,
    };

    /// <summary>The text of a call this evaluator does not model.</summary>
    public sealed record Opaque(string Text);

    private object? Parameter(string name) => parameters.TryGetValue(name, out var value) ? value
        : Evaluate(template.RootElement.GetProperty("parameters").GetProperty(name).GetProperty("defaultValue"));

    private object? Variable(string name) => Evaluate(template.RootElement.GetProperty("variables").GetProperty(name));

    private sealed class Parser(ArmExpression owner, string text)
    {
        private int at;

        public object? Whole()
        {
            var value = Expression();
            if (at != text.Length) throw new FormatException($"unparsed: {text[at..]}");
            return value;
        }

        private object? Expression()
        {
            SkipSpace();
            object? value;
            if (text[at] == '\'')
            {
                var end = text.IndexOf('\'', at + 1);
                value = text[(at + 1)..end];
                at = end + 1;
            }
            else
            {
                var start = at;
                while (char.IsLetter(text[at])) at++;
                var name = text[start..at];
                Expect('(');
                var arguments = new List<object?>();
                SkipSpace();
                while (text[at] != ')')
                {
                    arguments.Add(Expression());
                    SkipSpace();
                    if (text[at] == ',') at++;
                }
                at++;
                value = Call(name, arguments);
            }
            while (at < text.Length && text[at] == '.')
            {
                at++;
                var start = at;
                while (at < text.Length && char.IsLetterOrDigit(text[at])) at++;
                var property = text[start..at];
                value = value is IDictionary<string, object?> properties ? properties[property] : new Opaque($"{value}.{property}");
            }
            return value;
        }

        private object? Call(string name, List<object?> arguments) => name switch
        {
            "parameters" => owner.Parameter((string)arguments[0]!),
            "variables" => owner.Variable((string)arguments[0]!),
            "equals" => Equals(arguments[0], arguments[1]),
            "not" => !(bool)arguments[0]!,
            "and" => arguments.All(argument => (bool)argument!),
            "or" => arguments.Any(argument => (bool)argument!),
            "empty" => arguments[0] switch { null => true, string text => text.Length == 0, System.Collections.ICollection items => items.Count == 0, _ => false },
            "if" => (bool)arguments[0]! ? arguments[1] : arguments[2],
            "createArray" => arguments,
            "createObject" => arguments.Chunk(2).ToDictionary(pair => (string)pair[0]!, pair => pair[1]),
            _ => new Opaque($"{name}({string.Join(", ", arguments)})"),
        };

        private void Expect(char expected)
        {
            if (text[at] != expected) throw new FormatException($"expected {expected} at {at} in {text}");
            at++;
        }

        private void SkipSpace()
        {
            while (text[at] == ' ') at++;
        }
    }
}
