namespace EmbeddedFinance.Core.Protection;

/// <summary>
/// Wraps a secret, key or card number so it cannot leak by accident: <see cref="ToString"/> is redacted,
/// and the value must be asked for by name with <see cref="Reveal"/>.
/// </summary>
public sealed class Sensitive(string value) : IEquatable<Sensitive>
{
    public const string Redacted = "[redacted]";

    public string Reveal() => value;

    public override string ToString() => Redacted;

    public bool Equals(Sensitive? other) => other is not null && string.Equals(value, other.Reveal(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Sensitive other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
