namespace EmbeddedFinance.Core.Api;

/// <summary>A value or an expected failure. Exceptions stay for the unexpected.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public ApiError? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(ApiError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(ApiError error) => Failure(error);
}
