using System.Diagnostics;
using Azure;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Idempotency;
using EmbeddedFinance.Core.Merchants;
using EmbeddedFinance.Core.Risk;
using EmbeddedFinance.Core.Telemetry;
using EmbeddedFinance.Core.Versions;
using EmbeddedFinance.Functions.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// The one wrapper around every HTTP function (in the spirit of Hyperswitch's <c>server_wrap</c>): request id,
/// authentication and rights, body limits and strict JSON, idempotency, the audit trail, and problem+json for
/// every failure. It lives here rather than in worker middleware because the development host calls the
/// function methods directly and must run exactly this code.
/// </summary>
public sealed class ApiPipeline(
    Authenticator authenticator,
    IdempotencyGuard idempotency,
    RequestFingerprinter fingerprinter,
    AuditTrail audit,
    ApiKeyRateLimiter rateLimiter,
    MerchantApiVersions versions,
    ClientAddressLimiter addressLimiter,
    ClientCertificates certificates,
    PortalCookieAuthentication portalCookies,
    ApiAbuseSignals abuse,
    TimeProvider clock,
    ILogger<ApiPipeline> logger)
{
    /// <summary>A route that changes state: body parsed into <typeparamref name="TBody"/>, validated into a command, run once per Idempotency-Key.</summary>
    public Task<IActionResult> WriteAsync<TBody, TCommand>(
        HttpRequest request,
        ApiRoute route,
        Func<TBody, Result<TCommand>> validate,
        Func<ApiCall, TCommand, IdempotencyLease?, Task<Result<StoredResponse>>> execute) =>
        RunAsync(request, route, async call =>
        {
            var body = await JsonBody.ReadAsync<TBody>(request, request.HttpContext.RequestAborted,
                node => VersionedJson.UpgradeRequest(typeof(TBody), node, call.Version));
            if (!body.IsSuccess) return Plain(body.Error!, call);
            var command = validate(body.Value!.Value);
            if (!command.IsSuccess) return Plain(command.Error!, call);

            if (!request.Headers.TryGetValue(IdempotencyKey.Header, out var keyHeader))
            {
                return route.IdempotencyKeyRequired
                    ? Plain(Errors.ParameterMissing(IdempotencyKey.Header), call)
                    : new IdempotentOutcome(Unwrap(await execute(call, command.Value!, null), call), Replayed: false);
            }
            // A header that is present but empty, or sent twice, is an error: never a silent "no idempotency".
            var key = keyHeader.Count == 1 ? keyHeader[0] ?? "" : "";
            if (IdempotencyKey.Validate(key) is { } invalidKey) return Plain(invalidKey, call);

            var fingerprint = await fingerprinter.OfAsync(request.Method, FingerprintedPath(request.Path, call.Version), body.Value.Node, route.UnfingerprintedMembers, CancellationToken.None);
            // Once started, a write runs to its end even if the client goes away: the key then replays it.
            // A publishable key's Idempotency-Keys live apart from the merchant's server's: it can neither claim nor probe them.
            return await idempotency.ExecuteAsync(
                call.AuthenticatedCaller.Scope, IdempotencyKeySpace.Of(call.AuthenticatedCaller), key, fingerprint,
                lease => execute(call, command.Value!, lease),
                error => ProblemDocument.Render(error, call.RequestId),
                CancellationToken.None);
        });

    /// <summary>A route that only reads.</summary>
    public Task<IActionResult> ReadAsync(HttpRequest request, ApiRoute route, Func<ApiCall, Task<Result<StoredResponse>>> execute) =>
        RunAsync(request, route, async call => new IdempotentOutcome(Unwrap(await execute(call), call), Replayed: false));

    private async Task<IActionResult> RunAsync(HttpRequest request, ApiRoute route, Func<ApiCall, Task<IdempotentOutcome>> handle)
    {
        var requestId = RequestIds.New(clock);
        using var activity = PlatformTelemetry.Activities.StartActivity($"api {route.Action}", ActivityKind.Internal);
        activity?.SetTag("ef.request_id", requestId);
        var watch = Stopwatch.StartNew();
        Caller? caller = null;
        var version = ApiVersions.Newest;
        IdempotentOutcome outcome;
        var storageDown = false;
        try
        {
            (caller, var refused) = await AdmitAsync(request, route, requestId, request.HttpContext.RequestAborted);
            var pinned = caller is Caller.Merchant merchant ? await versions.PinnedAsync(merchant.MerchantId, request.HttpContext.RequestAborted) : ApiVersions.Newest;
            version = pinned;
            // Public routes (health, this API's description) are not versioned: they answer in the newest.
            if (refused is null && route.Versioned)
            {
                var asked = RequestedVersion(request, pinned);
                if (asked.IsSuccess) version = asked.Value!;
                else refused = asked.Error;
            }
            outcome = refused is null
                ? await handle(new ApiCall(requestId, caller) { Version = version, PinnedVersion = pinned })
                : Plain(refused, requestId);
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            outcome = Plain(new ApiError(499, "client_closed_request", "The client closed the connection."), requestId);
        }
        catch (Exception outage) when (StorageUnavailability.Covers(outage))
        {
            // One line per request, without the stack: during an outage every request fails the same way.
            logger.LogWarning("Storage unavailable: {Action} answered 503 after {ElapsedMs} ms ({Reason}), request {RequestId}; check the storage account's health and network",
                route.Action, watch.ElapsedMilliseconds, Reason(outage), requestId);
            storageDown = true;
            outcome = Plain(Errors.Unavailable(
                $"The platform's storage did not answer. Retry after {Errors.RetryAfterSeconds(StorageRetryAfter)} s (the Retry-After header) with the same Idempotency-Key: a write that was cut off happened once or not at all.",
                StorageRetryAfter), requestId);
        }
        catch (ConcurrencyConflictException)
        {
            // A write lost every optimistic-concurrency retry to racing writes; the guard has freed its key.
            logger.LogWarning("{Action} gave up after repeated concurrent changes, request {RequestId}; answered 409 conflict_retry", route.Action, requestId);
            outcome = Plain(Errors.ConflictRetry(), requestId);
        }
        catch (Exception unexpected)
        {
            logger.LogError(unexpected, "Unhandled failure in {Action}, request {RequestId}", route.Action, requestId);
            outcome = Plain(Errors.Internal(), requestId);
        }

        PlatformTelemetry.RequestDuration.Record(watch.Elapsed.TotalMilliseconds, PlatformTelemetry.Tags(("action", route.Action), ("status", outcome.Response.Status), ("scope", caller?.Scope ?? "none")));
        activity?.SetTag("http.response.status_code", outcome.Response.Status);
        logger.LogInformation("{Method} {Action} answered {Status} in {ElapsedMs} ms, request {RequestId}, key {KeyId}{Replay}",
            request.Method, route.Action, outcome.Response.Status, watch.ElapsedMilliseconds, requestId, caller?.KeyId ?? "none",
            outcome.Replayed ? " (idempotent replay)" : "");
        // The audit table is in the storage that just failed: writing to it would only double the client's wait.
        if (caller is not null && !HttpMethods.IsGet(request.Method) && !storageDown)
        {
            // The change itself has committed; losing its audit line must page someone, not fail the client.
            await audit.RecordAsync(caller.Scope, caller.KeyId, route.Action, outcome.Response.Status, outcome.Response.ErrorCode, outcome.Replayed, requestId);
        }
        return new ApiResponse(route.Versioned ? Render(outcome.Response, version) : outcome.Response, requestId, outcome.Replayed, version);
    }

    /// <summary>
    /// The version is part of the request: a replay answers in the version of the first request, byte for byte, and the
    /// same key in another version is a different request (ADR 013). The first version adds nothing, so records written
    /// before versions were dates keep their fingerprints.
    /// </summary>
    public static string FingerprintedPath(string path, string version) => version == ApiVersions.First ? path : $"{path}@{version}";

    /// <summary>The request's <c>EF-Version</c> header, or the pinned version when there is none.</summary>
    private static Result<string> RequestedVersion(HttpRequest request, string pinned)
    {
        if (!request.Headers.TryGetValue(ApiVersions.Header, out var header)) return pinned;
        return header.Count == 1 ? ApiVersions.Parse(header[0], ApiVersions.Header) : ApiVersions.Parse("", ApiVersions.Header);
    }

    /// <summary>The answer in the request's version: the code speaks the newest, older versions are transforms (ADR 013). Problems are the same in every version.</summary>
    private static StoredResponse Render(StoredResponse response, string version) =>
        response.ContentType != StoredResponse.Json ? response : response with { Body = VersionedJson.Render(response.Body, version) };

    /// <summary>How long a client should wait after a 503 for storage: long enough for a blip to pass, short enough to keep money moving.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    private static string Reason(Exception outage) => outage switch
    {
        RequestFailedException failed => $"{outage.GetType().Name} status {failed.Status}",
        AggregateException all => $"{all.InnerExceptions.Count} tries: {string.Join(", ", all.InnerExceptions.Select(inner => inner.GetType().Name).Distinct())}",
        _ => outage.GetType().Name,
    };

    /// <summary>Who is calling, or why they are refused: limits per client address, authentication, the route's rights, the key's bucket.</summary>
    private async Task<(Caller? Caller, ApiError? Refused)> AdmitAsync(HttpRequest request, ApiRoute route, string requestId, CancellationToken cancellationToken)
    {
        var address = ClientAddress.Of(request.HttpContext);
        var presentsKey = ChecksKey(request, route) && SendsKey(request);
        // Before anything reads storage: traffic without a key draws from its address's bucket, and the keys of an address
        // that keeps failing authentication are not looked up until those failures leave its window.
        if (addressLimiter.BeforeAuthentication(address, presentsKey) is { } throttled) return (null, Errors.ClientRateLimited(throttled));

        var authenticated = await AuthenticateAsync(request, route, cancellationToken);
        if (authenticated.Error is { } unauthenticated)
        {
            if (presentsKey && unauthenticated.Status == 401) await abuse.FailedAuthenticationAsync(address, requestId);
            var wait = presentsKey ? addressLimiter.AfterFailedAuthentication(address) : null;
            return (null, wait is null ? unauthenticated : Errors.ClientRateLimited(wait.Value));
        }
        var caller = authenticated.Value;
        if (caller is null) return (null, null);
        await abuse.AuthenticatedAsync(caller, address, requestId);
        if (route.Access.Check(caller) is { } forbidden) return (caller, forbidden);
        return rateLimiter.TryAcquire(caller.KeyId) is { } keyWait ? (caller, Errors.RateLimited(keyWait)) : (caller, null);
    }

    /// <summary>
    /// Whether the request's key is checked: always on a route that needs one; on a public route only when one is sent and
    /// the route shows key holders more than anyone (health's details for the admin). Other public routes ignore keys.
    /// </summary>
    private static bool ChecksKey(HttpRequest request, ApiRoute route) =>
        !route.Access.Anonymous || (SendsKey(request) && (route.Access.Admin || route.Access.SecretKey || route.Access.PublishableKey));

    /// <summary>An API key or token in <c>Authorization</c>, or else the portal's session cookie: both are credentials to check.</summary>
    private static bool SendsKey(HttpRequest request) => !string.IsNullOrWhiteSpace(request.Headers.Authorization) || PortalCookies.SessionOf(request) is not null;

    private async Task<Result<Caller?>> AuthenticateAsync(HttpRequest request, ApiRoute route, CancellationToken cancellationToken)
    {
        if (!ChecksKey(request, route)) return Result<Caller?>.Success(null);
        var authorization = request.Headers.Authorization.ToString();
        // The portal is a client of this API: its cookie authenticates its calls as a caller with the session's permissions.
        if (string.IsNullOrWhiteSpace(authorization) && PortalCookies.SessionOf(request) is { } cookie)
        {
            var portal = await portalCookies.AuthenticateAsync(request, cookie, cancellationToken);
            return portal.IsSuccess ? Result<Caller?>.Success(portal.Value) : portal.Error!;
        }
        // Only a certificate-bound access token needs the client certificate; keys never do.
        var certificate = authorization.Contains('.', StringComparison.Ordinal) ? await certificates.ThumbprintAsync(request.HttpContext) : null;
        var authenticated = await authenticator.AuthenticateAsync(authorization, certificate, cancellationToken);
        return authenticated.IsSuccess ? Result<Caller?>.Success(authenticated.Value) : authenticated.Error!;
    }

    private static StoredResponse Unwrap(Result<StoredResponse> result, ApiCall call) =>
        result.IsSuccess ? result.Value! : ProblemDocument.Render(result.Error!, call.RequestId);

    private static IdempotentOutcome Plain(ApiError error, ApiCall call) => Plain(error, call.RequestId);

    private static IdempotentOutcome Plain(ApiError error, string requestId) => new(ProblemDocument.Render(error, requestId), Replayed: false);
}
