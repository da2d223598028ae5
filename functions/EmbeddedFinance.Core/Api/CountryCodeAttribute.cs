using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Api;

/// <summary>Documents a member as a supported country code: its allowed values are <see cref="Country.SupportedCodes"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class CountryCodeAttribute() : AllowedValuesAttribute([.. Country.SupportedCodes]);
