namespace EmbeddedFinance.Core.Access;

public sealed class PlatformOptions
{
    /// <summary>True only on a developer's machine; allows the documented development defaults.</summary>
    public bool IsDevelopment { get; set; }
}
