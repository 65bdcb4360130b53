using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Runs real code, catches what it throws and turns it into the event OpenTelemetry .NET would export.</summary>
internal static class Captured
{
    public static ExceptionDetails From(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return Of(ex);
        }

        throw new InvalidOperationException("The action did not throw.");
    }

    public static ExceptionDetails FromAsync(Func<Task> action)
    {
        try
        {
            action().GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            return Of(ex);
        }

        throw new InvalidOperationException("The action did not throw.");
    }

    public static ExceptionDetails Of(Exception ex) =>
        new() { Type = ex.GetType().FullName, Message = ex.Message, StackTrace = ex.ToString() };

    /// <summary>The components without the frames of the test itself and of this helper (they are in-app too).</summary>
    public static string[] Shape(this ExceptionFingerprint fingerprint) =>
        [.. fingerprint.Components.Where(c =>
            !c.Contains(".Grouping.Captured.", StringComparison.Ordinal)
            && !c.Contains(".Grouping.ExceptionFingerprinter", StringComparison.Ordinal))];

    public static ExceptionFingerprint Fingerprint(this ExceptionDetails details, FingerprintOptions? options = null) =>
        ExceptionFingerprinter.Compute(details, options);
}
