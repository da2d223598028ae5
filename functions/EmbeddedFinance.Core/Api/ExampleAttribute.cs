namespace EmbeddedFinance.Core.Api;

/// <summary>
/// An example value of an API member, for the OpenAPI document (its <c>examples</c>). On a type, the value is the
/// JSON text of a whole example object.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ExampleAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
