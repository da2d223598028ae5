using System.Reflection;
using EmbeddedFinance.Core.Vault;
using EmbeddedFinance.Functions;

namespace EmbeddedFinance.Integration.Tests.Vault;

public sealed class VaultBoundaryTests
{
    /// <summary>"Decrypt for authorization" belongs to the payment path only: no HTTP or queue function may take it.</summary>
    [Fact]
    public void No_function_class_depends_on_the_card_authorization_reader()
    {
        var dependents = typeof(FunctionApp).Assembly.GetTypes()
            .Where(type => type.GetConstructors().Any(ctor => ctor.GetParameters().Any(p => p.ParameterType == typeof(CardAuthorizationReader)))
                || type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Any(f => f.FieldType == typeof(CardAuthorizationReader)))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(dependents);
    }
}
