using EmbeddedFinance.Core.Protection;
using EmbeddedFinance.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EmbeddedFinance.Integration.Tests.Api;

/// <summary>A test-only HTTP function that answers with what <see cref="ClientCertificates"/> saw: the SHA-256 hex thumbprint, or <c>none</c>.</summary>
public sealed class CertificateProbe(ClientCertificates certificates)
{
    public const string None = "none";

    public async Task<IActionResult> ThumbprintAsync(HttpRequest request) =>
        new ContentResult { Content = await certificates.DerAsync(request.HttpContext) is { } der ? CertificateThumbprint.Sha256Hex(der) : None, ContentType = "text/plain", StatusCode = 200 };
}
