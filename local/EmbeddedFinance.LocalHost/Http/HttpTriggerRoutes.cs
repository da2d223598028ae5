using System.Diagnostics;
using EmbeddedFinance.Functions.Http;
using EmbeddedFinance.LocalHost.DevConsole;
using EmbeddedFinance.LocalHost.Indexing;
using EmbeddedFinance.LocalHost.Invocation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace EmbeddedFinance.LocalHost.Http;

/// <summary>Maps each HTTP trigger's route and methods, under the host.json route prefix, onto Kestrel.</summary>
public static class HttpTriggerRoutes
{
    public static void Map(WebApplication app, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        var invocations = app.Services.GetRequiredService<InvocationLog>();
        var prefix = string.IsNullOrEmpty(routePrefix) ? "" : "/" + routePrefix.Trim('/');
        foreach (var function in functions)
        {
            app.MapMethods($"{prefix}/{function.Route}", function.Methods, async context =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var result = (IActionResult?)await invoker.InvokeAsync(function, new TriggerInput.Http(context));
                    if (result is not null) await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                }
                catch
                {
                    invocations.Record(function.Name, "failed", started, null);
                    throw;
                }
                invocations.Record(function.Name, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), started,
                    context.Response.Headers[ApiResponse.RequestIdHeader].FirstOrDefault());
            }).WithName(function.Name);
        }
    }
}
