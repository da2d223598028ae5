using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>
/// Records every request the app's table clients send (an Azure SDK pipeline policy), so a test can count the storage
/// calls an operation costs and see the filter of each query: on Azurite a scan costs no more calls than a range read.
/// </summary>
public sealed class StorageRequests : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(RequestMethod Method, Uri Uri)> sent = new();

    /// <summary>Registers the app's table clients with this policy (a services override for <see cref="TestHost.StartAsync"/>).</summary>
    public void Register(IServiceCollection services)
    {
        var options = new TableClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.AddSingleton(provider => StorageClients.Tables(provider.GetRequiredService<IConfiguration>(), options));
    }

    public override void OnSendingRequest(HttpMessage message) => sent.Enqueue((message.Request.Method, message.Request.Uri.ToUri()));

    /// <summary>The requests sent while <paramref name="operation"/> ran.</summary>
    public async Task<IReadOnlyList<(RequestMethod Method, Uri Uri)>> DuringAsync(Func<Task> operation)
    {
        sent.Clear();
        await operation();
        return sent.ToList();
    }

    /// <summary>The filter of a table query (a GET with <c>$filter</c>), or null for any other request.</summary>
    public static string? FilterOf((RequestMethod Method, Uri Uri) request)
    {
        if (request.Method != RequestMethod.Get) return null;
        var query = Uri.UnescapeDataString(request.Uri.Query.Replace("+", " ", StringComparison.Ordinal));
        var at = query.IndexOf("$filter=", StringComparison.Ordinal);
        return at < 0 ? null : query[(at + "$filter=".Length)..].Split('&')[0];
    }
}
