namespace EmbeddedFinance.Core.Versions;

/// <summary>A version, what it changed, and the transform between it and its predecessor (null for the first version).</summary>
public sealed record VersionChange(string Version, string Description, IVersionTransform? Transform);
