using EmbeddedFinance.Core.Protection;


namespace EmbeddedFinance.Core.Secrets;

/// <summary>One version of a named secret. The value stays wrapped so it cannot reach a log by accident.</summary>
public sealed record SecretValue(string Name, string Version, Sensitive Value);
