namespace EmbeddedFinance.LocalHost.Azurite;

/// <summary>Finds the repository's <c>local/</c> folder (its package.json pins Azurite) from wherever the host runs.</summary>
public static class LocalToolsDirectory
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "local", "package.json");
                if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
            }
        }
        throw new DirectoryNotFoundException("Could not find local/package.json above the host's folder; run the host from the repository.");
    }
}
