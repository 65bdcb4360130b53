using System.Runtime.CompilerServices;

namespace Vigil.Logging;

/// <summary>
/// Text of an app's exception. An exception type may override Message or ToString and throw from
/// them; the sink must still write the record, so a failure becomes a marker.
/// </summary>
internal static class ExceptionText
{
    // An exception's stack trace grows while it unwinds: a record logged at a catch that rethrows (a tracked
    // operation does) would otherwise be rendered at export time with the frames of wherever the exception was
    // caught last, and no longer match the span's exception event, recorded at the catch. Keyed weakly, so a
    // snapshot lives exactly as long as its exception; the first one taken wins.
    private static readonly ConditionalWeakTable<Exception, string> s_snapshots = [];

    /// <summary>Takes the text of <paramref name="exception"/> now, on the logging thread, for the sinks to use later.</summary>
    public static void Capture(Exception exception) =>
        s_snapshots.TryAdd(exception, Render(exception));

    public static string GetMessage(Exception exception)
    {
        try
        {
            return exception.Message;
        }
        catch (Exception failure)
        {
            // The exception's own Message override threw: say so rather than lose the record.
            return $"<Message threw {failure.GetType().Name}>";
        }
    }

    /// <summary>Type, message, inner exceptions and stack traces, as <see cref="Exception.ToString"/> renders them.</summary>
    public static string GetFullText(Exception exception) =>
        s_snapshots.TryGetValue(exception, out var snapshot) ? snapshot : Render(exception);

    private static string Render(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
        catch (Exception failure)
        {
            // The exception's own ToString override threw: fall back to what cannot.
            return $"{exception.GetType().FullName}: <ToString threw {failure.GetType().Name}>{Environment.NewLine}{exception.StackTrace}";
        }
    }
}
