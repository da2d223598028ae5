using System.Diagnostics;
using System.Text;
using EmbeddedFinance.Core.Webhooks;
using Polly.Timeout;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>
/// POSTs a signed event with an <see cref="HttpClient"/> from the factory: live endpoints' (and, outside development,
/// test endpoints') client connects only to public addresses (<see cref="PublicOnlyConnection"/>); both follow no
/// redirects and carry a Polly timeout. The endpoint's
/// failures come back as answers with a stable error code; only our own cancellation throws.
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, WebhookUrlPolicy policy, TimeProvider clock) : IWebhookSender
{
    public const string AnyAddressClient = "webhooks-any-address";
    public const string PublicOnlyClient = "webhooks-public-only";

    public async Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(policy.PublicOnly(request.Mode) ? PublicOnlyClient : AnyAddressClient);
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("webhook-id", request.WebhookId);
        message.Headers.Add("webhook-timestamp", request.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("webhook-signature", request.Signature);
        message.Headers.UserAgent.ParseAdd("EmbeddedFinance-Webhooks/1.0");

        var watch = Stopwatch.StartNew();
        try
        {
            // The answer's status is all that counts; its body is the merchant's business and is never read.
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookResponse(status, watch.Elapsed, status is >= 200 and < 300 ? null : "unexpected_status", RetryAfter(response));
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, watch.Elapsed, Classify(failure));
        }
    }

    /// <summary>A 429's or 503's <c>Retry-After</c> as a wait from now: delta seconds, or an HTTP date (the receiver's clock).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable)) return null;
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };
    }

    private static string Classify(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is AddressNotAllowedException) return "address_not_allowed";
            if (cause is TimeoutRejectedException or TimeoutException or TaskCanceledException) return "timeout";
        }
        return "connection_failed";
    }
}
