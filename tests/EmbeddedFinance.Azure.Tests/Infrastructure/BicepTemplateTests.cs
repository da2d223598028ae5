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
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    // The Application Insights connection string names the resource (with local auth off it writes nothing without
    // the identity); the Key Vault setting is the vault's address.
    private static readonly HashSet<string> NamesWithoutSecrets = ["APPLICATIONINSIGHTS_CONNECTION_STRING", "Secrets__KeyVaultUri", "Secrets__SigningKeyVaultUri"];

    private const string SecretsUser = "keyVaultSecretsUser";

    // The alert rules README's runbook explains, and the metric or table each reads.
    private static readonly Dictionary<string, string> AlertSources = new()
    {
        ["poison-messages"] = "-poison",
        ["reconciliation-drift"] = "ef.reconciliation.problems",
        ["webhook-failure-rate"] = "ef.webhook.attempts",
        ["settlement-lag"] = "ef.settlement.lag",
        ["server-error-rate"] = "ef.api.request.duration",
        ["p95-latency"] = "AppRequests",
        ["audit-write-failed"] = "AUDIT WRITE FAILED",
        ["audit-table-changed"] = "StorageTableLogs",
        ["api-abuse-signal"] = "ef.api.abuse.",
    };

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
        Assert.Equal(environment, (await ParametersAsync(file))["environmentName"]);
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
        var arm = new ArmExpression(template, new Dictionary<string, object?> { ["environmentName"] = "prod" });
        Assert.All(Resources(template, "Microsoft.KeyVault/vaults"), vault => Assert.Equal(true, ((IDictionary<string, object?>)arm.Evaluate(vault.GetProperty("properties"))!)["enableRbacAuthorization"]));
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

    [Fact]
    public async Task Storage_table_queue_blob_and_both_vaults_are_reached_through_private_endpoints_from_the_apps_subnet()
    {
        using var template = await CompiledAsync();
        var links = Variable(template, "privateLinks").GetString()!;
        var endpoints = PrivateLink().Matches(links).Select(link => (Service: link.Groups[2].Value, GroupId: link.Groups[3].Value)).ToList();
        foreach (var groupId in new[] { "blob", "queue", "table" }) Assert.Contains(("Microsoft.Storage/storageAccounts", groupId), endpoints);
        Assert.Equal(2, endpoints.Count(endpoint => endpoint == ("Microsoft.KeyVault/vaults", "vault")));

        var endpoint = Resources(template, "Microsoft.Network/privateEndpoints").Single();
        Assert.Equal("[length(variables('privateLinks'))]", endpoint.GetProperty("copy").GetProperty("count").GetString());
        Assert.Single(Resources(template, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
        var zones = Variable(template, "privateDnsZones").GetString()!;
        foreach (var zone in new[] { "privatelink.blob.", "privatelink.queue.", "privatelink.table.", "privatelink.vaultcore.azure.net" }) Assert.Contains(zone, zones, StringComparison.Ordinal);
        Assert.Single(Resources(template, "Microsoft.Network/privateDnsZones/virtualNetworkLinks"));

        // The app's outbound traffic enters the VNet through a subnet delegated to Flex Consumption.
        var app = Resources(template, "Microsoft.Web/sites").Single();
        Assert.Contains("'app')]", app.GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString(), StringComparison.Ordinal);
        var subnets = Resources(template, "Microsoft.Network/virtualNetworks").Single().GetProperty("properties").GetProperty("subnets").EnumerateArray().ToList();
        var appSubnet = subnets.Single(subnet => subnet.GetProperty("name").GetString() == "app");
        Assert.Equal("Microsoft.App/environments", appSubnet.GetProperty("properties").GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
        Assert.Contains(subnets, subnet => subnet.GetProperty("name").GetString() == "endpoints");
    }

    [Theory]
    [InlineData("prod", "203.0.113.7", "Disabled")]
    [InlineData("prod", "", "Disabled")]
    [InlineData("dev", "", "Disabled")]
    [InlineData("dev", "203.0.113.7", "Enabled")]
    public async Task Storage_and_vaults_refuse_public_traffic_except_a_dev_deployers_ip(string environment, string deployerIp, string expected)
    {
        using var template = await CompiledAsync();
        var arm = new ArmExpression(template, new Dictionary<string, object?> { ["environmentName"] = environment, ["deployerIpAddress"] = deployerIp });

        var guarded = Resources(template, "Microsoft.Storage/storageAccounts").Concat(Resources(template, "Microsoft.KeyVault/vaults")).ToList();
        Assert.Equal(3, guarded.Count);
        foreach (var resource in guarded)
        {
            var properties = (IDictionary<string, object?>)arm.Evaluate(resource.GetProperty("properties"))!;
            Assert.Equal(expected, properties["publicNetworkAccess"]);
            var acls = (IDictionary<string, object?>)properties["networkAcls"]!;
            Assert.Equal(("Deny", "None"), (acls["defaultAction"], acls["bypass"]));
            var ipRules = (List<object?>)acls["ipRules"]!;
            Assert.Equal(expected == "Enabled" ? 1 : 0, ipRules.Count);
        }
    }

    [Theory]
    [InlineData("Standard", "Enabled")]
    [InlineData("Premium", "Disabled")]
    public async Task Service_bus_goes_private_in_prod_only_on_premium(string sku, string expected)
    {
        using var template = await CompiledAsync();
        var arm = new ArmExpression(template, new Dictionary<string, object?> { ["environmentName"] = "prod", ["serviceBusSku"] = sku });
        var bus = Resources(template, "Microsoft.ServiceBus/namespaces").Single();
        Assert.Equal(expected, arm.Evaluate(bus.GetProperty("properties").GetProperty("publicNetworkAccess")));
    }

    [Fact]
    public async Task Diagnostic_settings_send_vault_audit_events_storage_service_bus_and_app_logs_to_the_workspace()
    {
        using var template = await CompiledAsync();
        var settings = Resources(template, "Microsoft.Insights/diagnosticSettings").ToList();
        string[] Logs(JsonElement setting)
        {
            var logs = setting.GetProperty("properties").GetProperty("logs");
            if (logs.ValueKind == JsonValueKind.String) logs = Variable(template, logs.GetString()!.Split('\'')[1]);
            return logs.EnumerateArray().Select(log => (log.TryGetProperty("category", out var category) ? category : log.GetProperty("categoryGroup")).GetString()!).ToArray();
        }
        IEnumerable<JsonElement> On(string type) => settings.Where(setting => setting.GetProperty("scope").GetString()!.StartsWith($"[resourceId('{type}'", StringComparison.Ordinal));

        Assert.All(settings, setting => Assert.Contains("Microsoft.OperationalInsights/workspaces", setting.GetProperty("properties").GetProperty("workspaceId").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, On("Microsoft.KeyVault/vaults").Count());
        Assert.All(On("Microsoft.KeyVault/vaults"), vault => Assert.Contains("AuditEvent", Logs(vault)));
        foreach (var service in new[] { "tableServices", "queueServices", "blobServices" })
        {
            Assert.Equal(["StorageRead", "StorageWrite", "StorageDelete"], Logs(On($"Microsoft.Storage/storageAccounts/{service}").Single()));
        }
        Assert.Contains("FunctionAppLogs", Logs(On("Microsoft.Web/sites").Single()));
        Assert.Contains("allLogs", Logs(On("Microsoft.ServiceBus/namespaces").Single()));
    }

    [Fact]
    public async Task Prod_keeps_every_log_table_at_least_a_year()
    {
        using var template = await CompiledAsync();
        var prod = await ParametersAsync("main.prod.bicepparam");
        var arm = new ArmExpression(template, prod);

        var tables = Resources(template, "Microsoft.OperationalInsights/workspaces/tables").Single();
        Assert.True((long)arm.Evaluate(tables.GetProperty("properties").GetProperty("totalRetentionInDays"))! >= 365);
        var logTables = Variable(template, "logTables").EnumerateArray().Select(table => table.GetString()).ToList();
        foreach (var table in new[] { "AzureDiagnostics", "StorageTableLogs", "StorageQueueLogs", "StorageBlobLogs", "FunctionAppLogs", "AppRequests", "AppTraces" }) Assert.Contains(table, logTables);
        var workspace = Resources(template, "Microsoft.OperationalInsights/workspaces").Single();
        Assert.True((long)arm.Evaluate(workspace.GetProperty("properties").GetProperty("retentionInDays"))! >= 90);
    }

    [Fact]
    public async Task The_vault_holding_data_keys_grants_the_app_nothing_above_Secrets_User()
    {
        using var template = await CompiledAsync();
        var dataVault = Resources(template, "Microsoft.KeyVault/vaults").Single(vault => vault.GetProperty("name").GetString()!.Contains("kv", StringComparison.Ordinal));
        var dataVaultName = dataVault.GetProperty("name").GetString()![1..^1];
        var onDataVault = Resources(template, "Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment.GetProperty("scope").GetString()!.Contains(dataVaultName, StringComparison.Ordinal))
            .Select(assignment => RoleReference().Match(assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!).Groups[1].Value)
            .ToList();
        Assert.Equal([SecretsUser], onDataVault);
        // The app's one setting per vault: the data keys' vault and the signing vault where it writes.
        var settings = AppSettings(Resources(template, "Microsoft.Web/sites").Single());
        Assert.Contains("'Microsoft.KeyVault/vaults', take(format('{0}{1}kv", settings["Secrets__KeyVaultUri"], StringComparison.Ordinal);
        Assert.Contains("'Microsoft.KeyVault/vaults', take(format('{0}{1}sg", settings["Secrets__SigningKeyVaultUri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_alert_rule_notifies_the_action_group_and_the_workbook_shows_each_view()
    {
        using var template = await CompiledAsync();
        var rules = Variable(template, "alertRules").EnumerateArray().ToDictionary(rule => rule.GetProperty("name").GetString()!, rule => rule.GetProperty("query").GetString()!);
        Assert.Equal(AlertSources.Keys.Order(), rules.Keys.Order());
        foreach (var (name, source) in AlertSources) Assert.Contains(source, rules[name], StringComparison.Ordinal);

        var alerts = Resources(template, "Microsoft.Insights/scheduledQueryRules").Single();
        Assert.Equal("[length(variables('alertRules'))]", alerts.GetProperty("copy").GetProperty("count").GetString());
        Assert.Contains("parameters('actionGroupId')", alerts.GetProperty("properties").GetProperty("actions").GetProperty("actionGroups").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", alerts.GetProperty("properties").GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);

        var workbook = Resources(template, "Microsoft.Insights/workbooks").Single();
        var serialized = new ArmExpression(template, new Dictionary<string, object?>()).Evaluate(workbook.GetProperty("properties").GetProperty("serializedData"));
        using var content = JsonDocument.Parse((string)serialized!);
        var queries = string.Join("\n", content.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("type").GetInt32() == 3)
            .Select(item => item.GetProperty("content").GetProperty("query").GetString()));
        foreach (var metric in new[] { "ef.api.request.duration", "AppRequests", "ef.settlement.lag", "ef.outbox.age", "ef.webhook.attempts", "ef.reconciliation.problems" })
        {
            Assert.Contains(metric, queries, StringComparison.Ordinal);
        }
        Assert.Contains("Properties.scope", queries, StringComparison.Ordinal);
    }

    private static JsonElement Variable(JsonDocument template, string name) => template.RootElement.GetProperty("variables").GetProperty(name);

    private static async Task<Dictionary<string, object?>> ParametersAsync(string file)
    {
        var build = await Bicep.RunAsync("build-params", file, "--stdout");
        Assert.True(build.ExitCode == 0, $"bicep build-params {file}: {build.Errors}");
        using var output = JsonDocument.Parse(build.Output);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        return parameters.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(
            parameter => parameter.Name,
            parameter => parameter.Value.GetProperty("value") is var value && value.ValueKind == JsonValueKind.Number ? value.GetInt64()
                : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : (object?)value.GetString());
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

    [GeneratedRegex(@"createObject\('name', '([\w-]+)', 'service', resourceId\('([^']+)'.*?'groupId', '(\w+)'")]
    private static partial Regex PrivateLink();

    [GeneratedRegex("(?i)listKeys|listConnectionStrings|AccountKey=|SharedAccessKey|password|whsec_|sk_live_|sk_test_")]
    private static partial Regex ForbiddenInValue();

    [GeneratedRegex("(?i)key$|secret|password|connectionstring|sas")]
    private static partial Regex ForbiddenInName();
}
