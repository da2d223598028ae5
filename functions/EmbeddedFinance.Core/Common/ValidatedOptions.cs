using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Common;

/// <summary>Options that can say what is wrong with themselves, naming the setting (<c>Section:Name</c>).</summary>
public interface ISelfValidatingOptions
{
    /// <summary>Null when valid; otherwise one sentence naming the bad setting.</summary>
    string? Problem();
}

public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to its section and stops the app at start-up if it is malformed, with a message naming the setting.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class, ISelfValidatingOptions
    {
        services.AddSingleton<IValidateOptions<T>, SelfValidation<T>>();
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class SelfValidation<T> : IValidateOptions<T> where T : class, ISelfValidatingOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
