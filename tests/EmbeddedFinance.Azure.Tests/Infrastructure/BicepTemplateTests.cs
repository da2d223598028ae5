using System.Text.Json;
using System.Text.RegularExpressions;

namespace EmbeddedFinance.Azure.Tests.Infrastructure;

/// <summary>The templates compile and lint clean, grant only the data roles the app needs, and put no secret in app settings.</summary>
public sealed partial class BicepTemplateTests
{
    // The only roles the app's identity may hold, each on one resource: data-plane roles, none that manages anything.
    private static readonly Dictionary<string, string> AllowedRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    // The Application Insights connection string names the resource (with local auth off it writes nothing without
    // the identity); the Key Vault setting is the vault's address.
    private static readonly HashSet<string> NamesWithoutSecrets = ["APPLICATIONINSIGHTS_CONNECTION_STRING", "Secrets__KeyVaultUri"];

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("main.dev.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public async Task Templates_lint_without_a_diagnostic(string file)
    {
        var lint = await Bicep.RunAsync("lint", file);
        Assert.True(lint.ExitCode == 0 && lint.Output.Trim().Length == 0 && lint.Errors.Trim().Length == 0, $"bicep lint {file}: {lint.Output}{lint.Errors}");
    }

    [Theory]
    [InlineData("main.dev.bicepparam", "dev")]
    [InlineData("main.prod.bicepparam", "prod")]
    public async Task Each_environments_parameters_build_against_the_template(string file, string environment)
    {
        var build = await Bicep.RunAsync("build-params", file, "--stdout");
        Assert.True(build.ExitCode == 0, $"bicep build-params {file}: {build.Errors}");
        using var output = JsonDocument.Parse(build.Output);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        Assert.Equal(environment, parameters.RootElement.GetProperty("parameters").GetProperty("environmentName").GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_identity_gets_only_data_roles_each_scoped_to_one_resource()
    {
        using var template = await CompiledAsync();
        var roles = template.RootElement.GetProperty("variables").GetProperty("roles").EnumerateObject().ToDictionary(role => role.Name, role => role.Value.GetString()!);
        var assignments = Resources(template, "Microsoft.Authorization/roleAssignments").ToList();

        Assert.Equal(AllowedRoles.Count, assignments.Count);
        var granted = new List<string>();
        foreach (var assignment in assignments)
        {
            Assert.True(assignment.TryGetProperty("scope", out var scope), "a role assignment without a scope covers the whole resource group");
            Assert.StartsWith("[resourceId(", scope.GetString(), StringComparison.Ordinal);
            var definition = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
            var key = RoleReference().Match(definition);
            Assert.True(key.Success, $"role given other than through the vetted list: {definition}");
            granted.Add(roles[key.Groups[1].Value]);
            Assert.Equal("ServicePrincipal", assignment.GetProperty("properties").GetProperty("principalType").GetString());
        }
        Assert.Equal(AllowedRoles.Keys.Order(), granted.Order());
    }

    [Fact]
    public async Task App_settings_carry_no_key_secret_or_connection_string_with_a_credential()
    {
        using var template = await CompiledAsync();
        var app = Resources(template, "Microsoft.Web/sites").Single();
        var settings = AppSettings(app);

        foreach (var (name, value) in settings)
        {
            Assert.DoesNotMatch(ForbiddenInValue(), value);
            if (!NamesWithoutSecrets.Contains(name)) Assert.DoesNotMatch(ForbiddenInName(), name);
        }
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage as a connection string would hold the account key");
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.True(settings.ContainsKey("Secrets__KeyVaultUri"));

        var storage = Resources(template, "Microsoft.Storage/storageAccounts").Single().GetProperty("properties");
        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(Resources(template, "Microsoft.KeyVault/vaults").Single().GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(Resources(template, "Microsoft.ServiceBus/namespaces").Single().GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
        Assert.True(Resources(template, "Microsoft.ServiceBus/namespaces/topics").Single().GetProperty("properties").GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.Equal("FlexConsumption", Resources(template, "Microsoft.Web/serverfarms").Single().GetProperty("sku").GetProperty("tier").GetString());
        var runtime = app.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal(("dotnet-isolated", "10.0"), (runtime.GetProperty("name").GetString(), runtime.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task The_app_asks_for_optional_client_certificates_without_renegotiation_and_trusts_the_front_ends_header()
    {
        using var template = await CompiledAsync();
        var app = Resources(template, "Microsoft.Web/sites").Single();
        var properties = app.GetProperty("properties");

        Assert.True(properties.GetProperty("clientCertEnabled").GetBoolean());
        Assert.Equal("Optional", properties.GetProperty("clientCertMode").GetString());
        // An exclusion path makes the front end renegotiate TLS, which HTTP/2 and TLS 1.3 cannot do.
        Assert.False(properties.TryGetProperty("clientCertExclusionPaths", out _), "a client certificate exclusion path forces TLS renegotiation");
        // The header is the front end's only because clientCertEnabled is on: the two go together.
        Assert.Equal("true", AppSettings(app)["ClientCertificates__TrustForwardedHeader"]);
    }

    private static Dictionary<string, string> AppSettings(JsonElement app) =>
        app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(setting => setting.GetProperty("name").GetString()!, setting => setting.GetProperty("value").GetString()!);

    private static async Task<JsonDocument> CompiledAsync()
    {
        var build = await Bicep.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(build.ExitCode == 0, $"bicep build: {build.Errors}");
        return JsonDocument.Parse(build.Output);
    }

    private static IEnumerable<JsonElement> Resources(JsonDocument template, string type)
    {
        var resources = template.RootElement.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(pair => pair.Value);
        return all.Where(resource => resource.GetProperty("type").GetString() == type).ToList();
    }

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleReference();

    [GeneratedRegex("(?i)listKeys|listConnectionStrings|AccountKey=|SharedAccessKey|password|whsec_|sk_live_|sk_test_")]
    private static partial Regex ForbiddenInValue();

    [GeneratedRegex("(?i)key$|secret|password|connectionstring|sas")]
    private static partial Regex ForbiddenInName();
}
