namespace EmbeddedFinance.Functions.OpenApi;

/// <summary>The hand-written OpenAPI 3 document, embedded at build; a test keeps it in step with the routes.</summary>
public static class OpenApiDocument
{
    public static string Json { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("openapi.json")
            ?? throw new InvalidOperationException("The embedded openapi.json is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
