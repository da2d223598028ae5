namespace EmbeddedFinance.Core.Onboarding;

/// <summary>Why a supplied field did not verify: the field's API name and a stable code (<c>id_number_mismatch</c>, <c>under_review</c>).</summary>
public sealed record RequirementError(string Field, string Code);
