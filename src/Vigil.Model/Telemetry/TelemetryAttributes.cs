using Vigil.Model.Json;

namespace Vigil.Model;

/// <summary>
/// What an attribute value may be. Attributes are plain
/// <c>IReadOnlyList&lt;KeyValuePair&lt;string, object?&gt;&gt;</c> so that Activity tags and log state map
/// without copying into a new type. Allowed values on write: null, <see cref="string"/>,
/// <see cref="bool"/>, any integer type (stored as <see cref="long"/>), <see cref="float"/> or
/// <see cref="double"/> (stored as <see cref="double"/>), <c>byte[]</c>, and arrays or lists of
/// those. Anything else is stored as its invariant <c>ToString()</c>. On read values come back as
/// null, string, bool, long, double, byte[] or <c>object?[]</c>.
/// </summary>
public static class TelemetryAttributes
{
    /// <summary>
    /// The text form of a scalar value used by attribute equality filters:
    /// strings as they are, bools as <c>true</c>/<c>false</c>, numbers in invariant culture
    /// (doubles in round-trip form). Returns null for null, arrays and bytes, which filters cannot match.
    /// </summary>
    /// <param name="value">An attribute value.</param>
    /// <returns>The filter text, or null.</returns>
    public static string? ToFilterText(object? value) => AttributeJson.ToFilterText(value);
}
