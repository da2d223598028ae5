namespace EmbeddedFinance.Core.Onboarding;

/// <summary>An <see cref="Individual"/> as stored: sealed under the identity data key, with the key version beside it.</summary>
public sealed record SealedIdentity(string KeyVersion, byte[] Ciphertext);
