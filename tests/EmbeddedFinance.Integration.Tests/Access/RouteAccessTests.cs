using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Functions;
using EmbeddedFinance.Functions.Docs;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.Functions.Portal;
using EmbeddedFinance.Integration.Tests.Infrastructure;
using EmbeddedFinance.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Integration.Tests.Access;

/// <summary>
/// Every HTTP function says what it needs (a permission, or explicitly public, admin, or secret-key only), and the
/// one pipeline holds restricted keys to it on every route: found by reflection and in the generated metadata, so a
/// new route is checked without a line here.
/// </summary>
public sealed class RouteAccessTests : HostedTest
{
    private static readonly IReadOnlyList<(string Method, string Route)> MerchantRoutes =
        FunctionMetadataReader.Read(Path.Combine(AppContext.BaseDirectory, FunctionMetadataReader.FileName))
            .Where(function => function.TriggerType == "httpTrigger")
            .SelectMany(function => function.Trigger!["methods"]!.AsArray()
                .Select(method => (method!.GetValue<string>().ToUpperInvariant(), function.Trigger["route"]!.GetValue<string>())))
            .Where(route => route.Item2.StartsWith("v1/", StringComparison.Ordinal)
                && !route.Item2.StartsWith("v1/merchants", StringComparison.Ordinal)
                && !route.Item2.StartsWith("v1/admin", StringComparison.Ordinal)
                && !route.Item2.StartsWith("v1/api_keys", StringComparison.Ordinal)
                && !route.Item2.StartsWith("v1/oauth", StringComparison.Ordinal)
                // Sign-up is for anyone without a key.
                && route.Item2 != "v1/signups")
            .ToList();

    private CreatedMerchant merchant = null!;

    protected override async Task ArrangeAsync() => merchant = await Host.CreateMerchantAsync("Ride Co");

    [Fact]
    public void Every_http_function_class_declares_a_route_for_each_trigger_and_every_route_declares_what_it_needs()
    {
        var classes = typeof(FunctionApp).Assembly.GetTypes()
            .Select(type => (Type: type, Triggers: type.GetMethods().Count(method =>
                method.GetCustomAttribute<FunctionAttribute>() is not null
                && method.GetParameters().Any(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null))))
            // The portal's pages are a site, not API routes: its sign-in authenticates a link, and its pages call the API like any client.
            .Where(found => found.Triggers > 0 && found.Type != typeof(PortalFunction) && found.Type != typeof(DocsFunction))
            .ToList();
        Assert.NotEmpty(classes);

        foreach (var (type, triggers) in classes)
        {
            var routes = type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(field => field.FieldType == typeof(ApiRoute))
                .Select(field => (Field: field.Name, Route: (ApiRoute)field.GetValue(null)!))
                .ToList();
            Assert.True(routes.Count >= triggers, $"{type.Name} has {triggers} HTTP functions but {routes.Count} ApiRoute declarations");
            foreach (var (field, route) in routes)
            {
                var access = route.Access;
                var declared = access.Permission is not null || access.Anonymous
                    || ReferenceEquals(access, AccessPolicy.AdminOnly) || ReferenceEquals(access, AccessPolicy.AdminOrSecretKey) || ReferenceEquals(access, AccessPolicy.KeyManagement)
                    || ReferenceEquals(access, AccessPolicy.SecretKeyOnly);
                Assert.True(declared, $"{type.Name}.{field} ({route.Action}) declares no permission: use AccessPolicy.Needs(...), or say it is public, admin or key management");
            }
        }
    }

    [Fact]
    public async Task A_restricted_key_without_permissions_is_403_on_every_merchant_route_naming_what_it_lacks()
    {
        var none = await CreateKeyAsync(new { });

        foreach (var (method, route) in MerchantRoutes)
        {
            using var response = await SendAsync(method, route, none);
            var problem = await Problem.AssertAsync(response, 403, "forbidden");
            // Either the permission it lacks, or a route that says no restricted key may call it (AccessPolicy.AdminOrSecretKey).
            Assert.Matches("^(This key lacks [a-z_]+:(read|write)|A restricted key cannot call this route; use a secret key)\\.$", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_restricted_key_with_every_permission_lacks_nothing_on_any_merchant_route()
    {
        var all = await CreateKeyAsync(ApiResources.All.ToDictionary(resource => resource, _ => "write"));

        foreach (var (method, route) in MerchantRoutes)
        {
            using var response = await SendAsync(method, route, all);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.InternalServerError), $"{method} {route}: {(int)response.StatusCode} {text}");
            // Only a route that admits no restricted key at all may refuse it; never for a permission it holds.
            if (response.StatusCode == HttpStatusCode.Forbidden) Assert.Contains("A restricted key cannot call this route", text, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string route, string key)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "pay_00000000000000000000000000");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await Host.Client.SendAsync(request);
    }

    private async Task<string> CreateKeyAsync(object permissions)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "v1/api_keys", merchant.SecretKey, new { name = "Walker", permissions });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("secret").GetString()!;
    }
}
