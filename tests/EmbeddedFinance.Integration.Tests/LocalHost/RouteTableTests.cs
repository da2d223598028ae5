using System.Reflection;
using System.Text.Json;
using EmbeddedFinance.Functions;
using EmbeddedFinance.Functions.Portal;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.LocalHost;

public sealed class RouteTableTests : HostedTest
{
    private static readonly IReadOnlyList<FunctionMetadata> Generated =
        FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, FunctionMetadataReader.FileName));

    [Fact]
    public void The_generated_metadata_lists_every_function_method_of_the_app()
    {
        var declared = typeof(FunctionApp).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order();

        Assert.Equal(declared, Generated.Select(function => function.Name).Order());
    }

    [Fact]
    public void Every_http_trigger_of_the_metadata_is_mapped_under_the_api_prefix_with_its_methods_and_nothing_else()
    {
        var expected = Generated
            .Where(function => function.TriggerType == "httpTrigger")
            .SelectMany(function => function.Trigger!["methods"]!.AsArray()
                .Select(method => $"{method!.GetValue<string>().ToUpperInvariant()} /api/{function.Trigger["route"]!.GetValue<string>()}"))
            .Order();

        var mapped = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .Order();

        Assert.Equal(expected, mapped);
    }

    [Fact]
    public async Task The_openapi_document_describes_exactly_the_routes_that_exist()
    {
        using var response = await Host.Client.GetAsync("openapi.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} /{path.Name.TrimStart('/')} {operation.Value.GetProperty("operationId").GetString()}"))
            .Order();
        var routes = Generated
            // The portal's pages are a site, not an API operation: they are not described in the API's document.
            .Where(function => function.TriggerType == "httpTrigger" && function.Trigger!["route"]!.GetValue<string>() != PortalFunction.Route
                && function.Trigger!["route"]!.GetValue<string>() != EmbeddedFinance.Functions.Docs.DocsFunction.Route)
            .SelectMany(function => function.Trigger!["methods"]!.AsArray()
                .Select(method => $"{method!.GetValue<string>().ToUpperInvariant()} /{function.Trigger["route"]!.GetValue<string>()} {function.Name}"))
            .Order();

        Assert.Equal(routes, documented);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_404_with_a_request_id()
    {
        using var response = await Host.Client.GetAsync("v1/nothing-here");

        await Problem.AssertAsync(response, 404, "resource_missing");
    }
}
