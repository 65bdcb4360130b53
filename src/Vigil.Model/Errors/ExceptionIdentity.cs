namespace Vigil.Model;

/// <summary>
/// How reports of one exception object say they are one: every log record and <c>exception</c> span event that
/// reports the same thrown exception carries the same value in <see cref="AttributeName"/> (Vigil's SDK sets it;
/// any other SDK may). A store counts all reports with one id within <see cref="Window"/> of each other as one
/// occurrence, whatever their span or source: a log-and-rethrow logged again by an outer catch, or a failure recorded
/// on a span and on its parents.
/// </summary>
public static class ExceptionIdentity
{
    /// <summary>The attribute of a log record or of an <c>exception</c> span event (string).</summary>
    public const string AttributeName = "vigil.exception.id";

    /// <summary>
    /// How far apart two reports of one id may be and still be one occurrence. The reports of one throw come while it
    /// unwinds; an exception object cached and thrown again later is a new occurrence.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Longer values are not an identity Vigil wrote and are ignored, so a hostile sender cannot bloat the index.</summary>
    internal const int MaxLength = 64;

    /// <summary>The id carried in <paramref name="attributes"/>, or null when absent, blank or too long.</summary>
    public static string? Read(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == AttributeName)
            {
                return attribute.Value is string { Length: > 0 and <= MaxLength } id && !string.IsNullOrWhiteSpace(id) ? id : null;
            }
        }

        return null;
    }
}
