using EmbeddedFinance.Integration.Tests.Infrastructure;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>Bad input is a 4xx problem with a stable code and a param, never a 500, and changes nothing.</summary>
public sealed class BadInputTests : HostedTest
{
    public static TheoryData<string, int, string, string?> Bodies => new()
    {
        { """{"name":"Ride Co","country":"US",""", 400, "invalid_request", null },
        { "[1,2,3]", 400, "invalid_request", null },
        { "\"just a string\"", 400, "invalid_request", null },
        { "null", 400, "invalid_request", null },
        { """{"name":5,"country":"US","default_currency":"usd"}""", 400, "parameter_invalid", "name" },
        { """{"name":"Ride Co","country":["US"],"default_currency":"usd"}""", 400, "parameter_invalid", "country" },
        { """{"name":"Ride Co","country":"US","default_currency":"usd","plan":"gold"}""", 400, "parameter_unknown", "plan" },
        { """{"name":"Ride Co","name":"Twice","country":"US","default_currency":"usd"}""", 400, "invalid_request", null },
        { """{"country":"US","default_currency":"usd"}""", 400, "parameter_missing", "name" },
        { """{"name":"   ","country":"US","default_currency":"usd"}""", 400, "parameter_missing", "name" },
        { """{"name":"Ride Co","default_currency":"usd"}""", 400, "parameter_missing", "country" },
        { """{"name":"Ride Co","country":"XX","default_currency":"usd"}""", 400, "parameter_invalid", "country" },
        { """{"name":"Ride Co","country":"US"}""", 400, "parameter_missing", "default_currency" },
        { """{"name":"Ride Co","country":"US","default_currency":"xyz"}""", 400, "currency_unsupported", "default_currency" },
        { "{\"name\":\"" + new string('a', 201) + "\",\"country\":\"US\",\"default_currency\":\"usd\"}", 400, "parameter_invalid", "name" },
        { "{\"name\":\"" + new string('a', 70_000) + "\",\"country\":\"US\",\"default_currency\":\"usd\"}", 413, "request_too_large", null },
        { "{}", 400, "parameter_missing", "name" },
        { """{"name":"A\ud800B","country":"US","default_currency":"usd"}""", 400, "invalid_request", null },
        { """{"name":"x","country":"US","default_currency":"usd","zz":"\ud800"}""", 400, "invalid_request", null },
        { "{\"name\":" + new string('[', 64) + new string(']', 64) + "}", 400, "invalid_request", null },
        { """{"name":"Ride Co","country":"US","default_currency":"usd"} {}""", 400, "invalid_request", null },
    };

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })]
    [InlineData(new byte[] { 0xc0, 0xaf })]
    public async Task A_body_that_is_not_valid_utf8_is_400_and_writes_nothing(byte[] invalid)
    {
        var before = await Host.CountRowsAsync("merchant");
        var body = System.Text.Encoding.UTF8.GetBytes("{\"name\":\"R").Concat(invalid).Concat(System.Text.Encoding.UTF8.GetBytes("\",\"country\":\"US\",\"default_currency\":\"usd\"}")).ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/merchants") { Content = content };
        request.Headers.Authorization = new("Bearer", TestHost.AdminKey);

        using var response = await Host.Client.SendAsync(request);

        await Problem.AssertAsync(response, 400, "invalid_request");
        Assert.Equal(before, await Host.CountRowsAsync("merchant"));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_bad_body_is_a_problem_with_its_code_and_writes_nothing(string body, int status, string code, string? param)
    {
        var before = await Host.CountRowsAsync("merchant");

        using var response = await Host.SendAsync(HttpMethod.Post, "v1/merchants", TestHost.AdminKey, body, idempotencyKey: Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, status, code, param);
        Assert.Equal(before, await Host.CountRowsAsync("merchant"));
        Assert.Equal(0, await Host.CountRowsAsync("idem"));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonp")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    public async Task A_body_that_is_not_utf8_json_by_content_type_is_415(string contentType)
    {
        using var content = new StringContent("""{"name":"Ride Co","country":"US","default_currency":"usd"}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/merchants") { Content = content };
        request.Headers.Authorization = new("Bearer", TestHost.AdminKey);
        using var response = await Host.Client.SendAsync(request);

        await Problem.AssertAsync(response, 415, "unsupported_media_type");
    }

    [Theory]
    [InlineData("")]
    [InlineData("key\twith\ttabs")]
    [InlineData("256")]
    public async Task An_invalid_idempotency_key_is_400_and_writes_nothing(string key)
    {
        var before = await Host.CountRowsAsync("merchant");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/merchants")
        {
            Content = new StringContent("""{"name":"Ride Co","country":"US","default_currency":"usd"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", TestHost.AdminKey);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key == "256" ? new string('k', 256) : key);

        using var response = await Host.Client.SendAsync(request);

        await Problem.AssertAsync(response, 400, "parameter_invalid", "Idempotency-Key");
        Assert.Equal(before, await Host.CountRowsAsync("merchant"));
    }

    [Fact]
    public async Task An_ill_formed_merchant_id_is_404_not_500()
    {
        using var response = await Host.SendAsync(HttpMethod.Get, "v1/merchants/'%20or%201=1", TestHost.AdminKey);

        await Problem.AssertAsync(response, 404, "resource_missing");
    }
}
