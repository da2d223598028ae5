using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Amounts;

namespace EmbeddedFinance.Core.Api;

/// <summary>Documents a member as a supported currency code: its allowed values are <see cref="Currency.SupportedCodes"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class CurrencyCodeAttribute() : AllowedValuesAttribute([.. Currency.SupportedCodes]);
