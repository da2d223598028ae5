using System.ComponentModel.DataAnnotations;

namespace EmbeddedFinance.Core.Common;

/// <summary>Documents a member as a supported country code: its allowed values are <see cref="Country.SupportedCodes"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class CountryCodeAttribute() : AllowedValuesAttribute([.. Country.SupportedCodes]);
