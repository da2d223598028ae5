namespace EmbeddedFinance.Client.Webhooks;

/// <summary>A delivery failed verification: answer it with 400 and do not act on it.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
