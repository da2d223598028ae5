namespace EmbeddedFinance.Core.Access;

/// <summary>What a restricted key may do with one resource; ordered, so that write implies read.</summary>
public enum AccessLevel
{
    None,
    Read,
    Write,
}
