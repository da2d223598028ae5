namespace EmbeddedFinance.LocalHost.Indexing;

/// <summary>A function the development host cannot run; raised at start-up, naming the function.</summary>
public sealed class FunctionIndexingException(string functionName, string problem)
    : Exception($"Function '{functionName}' cannot be hosted: {problem}")
{
    public string FunctionName { get; } = functionName;
}
