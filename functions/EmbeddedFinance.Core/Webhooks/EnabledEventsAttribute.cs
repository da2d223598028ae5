using System.ComponentModel.DataAnnotations;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>Documents a list of event types an endpoint receives: <see cref="EventTypes.All"/>, or <c>*</c> for all.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class EnabledEventsAttribute() : AllowedValuesAttribute([.. EventTypes.All, "*"]);
