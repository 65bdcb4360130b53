namespace Vigil.Logging;

/// <summary>Helpers over a record's attribute list.</summary>
internal static class LogAttributes
{
    /// <summary>
    /// Whether an earlier attribute has the same key. Scope values folded in after the record's own
    /// properties can repeat a name; a JSON object with a repeated key breaks many readers, so both
    /// sinks keep the first (the record's own). Records carry a handful of attributes, so this
    /// quadratic scan is cheaper than building a set.
    /// </summary>
    public static bool IsDuplicate(IReadOnlyList<KeyValuePair<string, object?>> attributes, int index)
    {
        var key = attributes[index].Key;
        for (var i = 0; i < index; i++)
        {
            if (attributes[i].Key == key)
            {
                return true;
            }
        }

        return false;
    }
}
