using EmbeddedFinance.Functions.OpenApi;

namespace EmbeddedFinance.Integration.Tests.OpenApi;

/// <summary>
/// <c>openapi.json</c> is generated (OpenApiGenerator): the committed file must be what the types and
/// <c>openapi.handwritten.json</c> give today. To regenerate it:
/// <c>OPENAPI_WRITE=1 dotnet test tests/EmbeddedFinance.Integration.Tests --filter FullyQualifiedName~OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests
{
    internal static readonly string Folder = Path.Combine(RepositoryRoot(), "functions", "EmbeddedFinance.Functions", "OpenApi");

    [Fact]
    public void The_committed_openapi_json_is_the_one_generated_from_the_api_types()
    {
        var generated = OpenApiGenerator.Generate(File.ReadAllText(Path.Combine(Folder, "openapi.handwritten.json")));
        var committed = Path.Combine(Folder, "openapi.json");
        if (Environment.GetEnvironmentVariable("OPENAPI_WRITE") == "1") File.WriteAllText(committed, generated);

        Assert.True(
            generated == File.ReadAllText(committed),
            "functions/EmbeddedFinance.Functions/OpenApi/openapi.json is not what the API types give. Regenerate it with " +
            "OPENAPI_WRITE=1 dotnet test tests/EmbeddedFinance.Integration.Tests --filter FullyQualifiedName~OpenApiDocumentTests");
    }

    [Fact]
    public void The_served_document_is_the_committed_one() =>
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, "openapi.json")), OpenApiDocument.Json);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EmbeddedFinance.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("No EmbeddedFinance.sln above " + AppContext.BaseDirectory);
    }
}
