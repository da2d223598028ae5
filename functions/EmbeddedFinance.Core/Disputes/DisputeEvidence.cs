using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Disputes;

/// <summary>The merchant's side of a dispute, as text: each field is optional, and a later update replaces only the fields it names.</summary>
[Description("Evidence for a dispute, as text (each member optional, at most 5000 characters, no control characters other than line breaks and tabs). An update replaces only the members it names. In the sandbox, a member whose text is exactly `winning_evidence` wins the dispute; anything else loses it. Members not listed here are rejected with `400 parameter_unknown`.")]
public sealed record DisputeEvidence(
    [Description("Anything else the card issuer should know."), StringLength(5000), Example("winning_evidence")]
    string? UncategorizedText = null,
    [Description("What was sold: the product or service."), StringLength(5000), Example("Ride from the airport to Main St, 14 km")]
    string? ProductDescription = null,
    [Description("The customer's name."), StringLength(5000), Example("Jane Rider")]
    string? CustomerName = null,
    [Description("The customer's email address."), StringLength(5000), Example("jane@example.com")]
    string? CustomerEmailAddress = null,
    [Description("When the service was provided or the goods delivered."), StringLength(5000), Example("2026-11-30")]
    string? ServiceDate = null,
    [Description("Your refund policy, or how it was shown to the customer."), StringLength(5000), Example("Shown at checkout; refunds within 24 h")]
    string? RefundPolicy = null)
{
    public const int MaxLength = 5_000;

    /// <summary>The sandbox's winning text (API.md "Marketplace money").</summary>
    public const string SandboxWinning = "winning_evidence";

    public static DisputeEvidence None { get; } = new();

    private IEnumerable<(string Name, string? Text)> Fields() =>
    [
        ("uncategorized_text", UncategorizedText), ("product_description", ProductDescription), ("customer_name", CustomerName),
        ("customer_email_address", CustomerEmailAddress), ("service_date", ServiceDate), ("refund_policy", RefundPolicy),
    ];

    /// <summary>This evidence with the fields <paramref name="update"/> names replaced.</summary>
    public DisputeEvidence With(DisputeEvidence update) => new(
        update.UncategorizedText ?? UncategorizedText, update.ProductDescription ?? ProductDescription, update.CustomerName ?? CustomerName,
        update.CustomerEmailAddress ?? CustomerEmailAddress, update.ServiceDate ?? ServiceDate, update.RefundPolicy ?? RefundPolicy);

    /// <summary>Whether the sandbox issuer accepts it: some field reads exactly <c>winning_evidence</c>.</summary>
    public bool WinsInSandbox() => Fields().Any(field => field.Text == SandboxWinning);

    public Result<DisputeEvidence> Validate()
    {
        foreach (var (name, text) in Fields())
        {
            if (text is null) continue;
            if (text.Length > MaxLength) return Errors.ParameterInvalid($"evidence.{name}", $"evidence.{name} must be at most {MaxLength} characters.");
            if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                return Errors.ParameterInvalid($"evidence.{name}", $"evidence.{name} must not contain control characters other than line breaks and tabs.");
            }
        }
        return this;
    }

    // Evidence may name the customer: never in a log line.
    public override string ToString() => nameof(DisputeEvidence) + " { [redacted] }";
}
