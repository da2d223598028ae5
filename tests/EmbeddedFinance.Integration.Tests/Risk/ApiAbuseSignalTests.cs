using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Azure.Data.Tables;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Risk;

/// <summary>Suspicious API use over real sockets: clients connect from distinct loopback addresses (127.0.0.x) as distinct hosts would.</summary>
public sealed class ApiAbuseSignalTests : HostedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiAbuse:FailedAuthenticationBurst"] = "5",
        ["ApiAbuse:KeyAddressSpread"] = "3",
    };

    /// <summary>A client whose connections leave from <paramref name="source"/>.</summary>
    private HttpClient From(string source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint, token);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = Host.Client.BaseAddress };

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<List<TableEntity>> AlertsAsync(string scope, string action)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Host.Tables.GetTableClient(Host.Storage.AuditTable).QueryAsync<TableEntity>(row => row.PartitionKey == scope))
        {
            if (row.GetString("Action") == action) rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task A_burst_of_401s_from_one_address_writes_one_alert_record_to_the_platform_audit_trail()
    {
        using var attacker = From("127.0.0.7");
        for (var i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(attacker, "sk_test_" + new string('x', 40)));

        var alert = Assert.Single(await AlertsAsync(Caller.PlatformScope, "alert.failed_authentication_burst"));
        Assert.Equal((401, "failed_authentication_burst"), (alert.GetInt32("Status"), alert.GetString("ErrorCode")));
    }

    [Fact]
    public async Task One_key_used_from_many_addresses_writes_one_alert_record_to_its_merchants_audit_trail()
    {
        var merchant = await Host.CreateMerchantAsync();
        foreach (var source in new[] { "127.0.0.11", "127.0.0.12", "127.0.0.12", "127.0.0.13", "127.0.0.14" })
        {
            using var client = From(source);
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client, merchant.SecretKey));
        }

        var alert = Assert.Single(await AlertsAsync(merchant.Id + ":test", "alert.key_address_spread"));
        Assert.Equal("key_address_spread", alert.GetString("ErrorCode"));
    }
}
