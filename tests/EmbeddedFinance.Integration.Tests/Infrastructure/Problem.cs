using System.Text.Json;

namespace EmbeddedFinance.Integration.Tests.Infrastructure;

/// <summary>Asserts a response is an RFC 9457 problem with the expected status and code, and returns it.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, int status, string code, string? param = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.EndsWith(code, problem.GetProperty("type").GetString());
        var requestId = Assert.Single(response.Headers.GetValues("Request-Id"));
        Assert.Equal(requestId, problem.GetProperty("request_id").GetString());
        if (param is not null) Assert.Equal(param, problem.GetProperty("param").GetString());
        return problem;
    }
}
