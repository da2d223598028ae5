using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Portal;

[Description("A portal session: a single-use URL that signs a person in to the merchant's portal for this mode, without an API key. The URL is shown only in this response.")]
[Example("""
{
  "id": "ps_01HZX3K8J4Q2V7N5T9B6C1D0EF",
  "object": "portal_session",
  "url": "https://pay.example.com/api/portal/sign-in?token=pst_test_Q2V7N5T9B6C1D0EFQ2V7N5T9B6C1D0EF",
  "expires_at": 1717172619,
  "embed": false,
  "livemode": false
}
""")]
public sealed record PortalSessionView(
    [Description("The session's id, recorded in the audit trail for everything done through it."), RegularExpression("^ps_")]
    string Id,
    [Description("The object's type: always `portal_session`."), AllowedValues("portal_session")]
    string Object,
    [Description("Open it in a browser before `expires_at`, once: it is exchanged for a cookie. An expired or used URL shows a page saying so, never data.")]
    string Url,
    [Description("When the URL stops working, in Unix seconds.")]
    long ExpiresAt,
    [Description("Whether the portal shows only the webhook pages.")]
    bool Embed,
    [Description("`true` in live mode.")]
    bool Livemode);
