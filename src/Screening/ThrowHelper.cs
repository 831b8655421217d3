using System.Diagnostics.CodeAnalysis;

namespace Screening;

// Throw sites live here so that hot methods stay small and inlinable.
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowOptions(string option, string message) =>
        throw new ArgumentException($"ScreeningOptions.{option} {message}.", option);

    [DoesNotReturn]
    public static void ThrowEmptyName(string paramName) =>
        throw new ArgumentException("The name to screen is empty or whitespace.", paramName);

    [DoesNotReturn]
    public static void ThrowNameTooLong(string paramName, int length, int max) =>
        throw new ArgumentException($"The name to screen is {length} characters long; the limit is {max} (ScreeningOptions.MaxNameLength).", paramName);

    [DoesNotReturn]
    public static void ThrowNoLetters(string paramName) =>
        throw new ArgumentException("The name to screen has no letters or digits after normalization.", paramName);
}
