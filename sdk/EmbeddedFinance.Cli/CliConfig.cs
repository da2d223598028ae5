using System.Text.Json;

namespace EmbeddedFinance.Cli;

/// <summary>
/// What <c>ef</c> keeps between runs, in the user's config directory (<c>~/.config/ef</c>): the key from <c>ef login</c>,
/// the local webhook secret of <c>ef listen</c>, and its cursors. Every file is created readable by the user alone (600).
/// </summary>
public sealed class CliConfig(string directory)
{
    private const string ConfigFile = "config.json";

    public string Directory { get; } = directory;

    public sealed record Settings(string? ApiKey, string? ApiBase);

    public Settings Load()
    {
        var path = Path.Combine(Directory, ConfigFile);
        if (!File.Exists(path)) return new Settings(null, null);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return new Settings(Text(json.RootElement, "api_key"), Text(json.RootElement, "api_base"));
    }

    public void Save(Settings settings) =>
        WritePrivate(ConfigFile, JsonSerializer.Serialize(new { api_key = settings.ApiKey, api_base = settings.ApiBase }));

    public string? Read(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Writes a file only its owner can read: created with mode 600 before a byte of it is written.</summary>
    public void WritePrivate(string name, string content)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(Directory, name);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Renamed into place, so a crash never leaves half a cursor or half a key.
        File.Move(temporary, path, overwrite: true);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
