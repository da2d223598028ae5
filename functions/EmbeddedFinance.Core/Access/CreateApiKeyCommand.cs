namespace EmbeddedFinance.Core.Access;

public sealed record CreateApiKeyCommand(string Name, KeyPermissions Permissions, DateTimeOffset? ExpiresAt);
