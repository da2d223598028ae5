using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Onboarding;

[Description("A merchant's request for live access: pending until the operator approves or rejects it. Once approved, the first `GET /v1/live_access_requests/{id}` by the merchant carries the live keys in `live_keys`; every later read shows none.")]
public sealed record LiveAccessRequestView(
    [Description("Unique identifier, prefixed `lar_`."), RegularExpression("^lar_"), Example("lar_01HZX3K8J4Q2V7N5T9B6C1D0EF")]
    string Id,
    [Description("The object's type: always `live_access_request`."), AllowedValues("live_access_request")]
    string Object,
    [Description("The merchant asking."), RegularExpression("^mer_")]
    string Merchant,
    [Description("`pending` until the operator decides; then `approved` (live mode enabled) or `rejected`."), AllowedValues("pending", "approved", "rejected")]
    string Status,
    BusinessDetailsView Business,
    [Description("When the request was made, in Unix seconds."), Example(1717171717)]
    long Created,
    [Description("When the operator decided, in Unix seconds; null while pending.")]
    long? DecidedAt,
    [Description("Why the request was rejected; null unless `rejected`.")]
    string? RejectionReason,
    [Description("When the live keys were revealed to the merchant, in Unix seconds; null until then.")]
    long? LiveKeysRevealedAt,
    LiveApiKeysView? LiveKeys)
{
    public static LiveAccessRequestView From(LiveAccessRequest request, LiveApiKeysView? keys = null) => new(
        request.Id, "live_access_request", request.MerchantId, StatusName(request.Status),
        new BusinessDetailsView(request.Business.LegalName, request.Business.Country.Code, request.Business.Website, request.Business.Description),
        request.Created.ToUnixTimeSeconds(), request.DecidedAt?.ToUnixTimeSeconds(), request.RejectionReason, request.KeysRevealedAt?.ToUnixTimeSeconds(), keys);

    public static string StatusName(LiveAccessStatus status) => status switch
    {
        LiveAccessStatus.Approved => "approved",
        LiveAccessStatus.Rejected => "rejected",
        _ => "pending",
    };
}

[Description("The business that asked to go live.")]
public sealed record BusinessDetailsView(
    [Description("The registered legal name."), Example("Rideshare Inc.")]
    string LegalName,
    [Description("Upper-case ISO 3166-1 alpha-2 country code."), CountryCode, Example("US")]
    string Country,
    [Description("The business's website."), Example("https://rideshare.example/")]
    string Website,
    [Description("What the business sells, if given.")]
    string? Description);

/// <summary>The live keys in plain text, in the one response that reveals them.</summary>
[Description("The merchant's live API keys in plain text. Present only in the first read of the approved request: store them now, they are never shown again.")]
public sealed record LiveApiKeysView(
    [Description("The live secret key."), RegularExpression("^sk_live_")]
    string SecretLive,
    [Description("The live publishable key."), RegularExpression("^pk_live_")]
    string PublishableLive)
{
    public static LiveApiKeysView From(IssuedApiKey secret, IssuedApiKey publishable) => new(secret.Plaintext.Reveal(), publishable.Plaintext.Reveal());

    // Records print their members; this one must never print a key.
    public override string ToString() => nameof(LiveApiKeysView) + " { [redacted] }";
}
