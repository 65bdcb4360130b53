namespace Vigil.Logging;

/// <summary>
/// Text of an app's exception. An exception type may override Message or ToString and throw from
/// them; the sink must still write the record, so a failure becomes a marker.
/// </summary>
internal static class ExceptionText
{
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
    public static string GetFullText(Exception exception)
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
