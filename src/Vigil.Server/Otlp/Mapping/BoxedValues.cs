namespace Vigil.Server.Otlp.Mapping;

/// <summary>
/// Shared boxes for the attribute values that recur most (booleans, small integers such as status codes and counts):
/// an attribute value is an <see cref="object"/>, and a new box per attribute was a large share of the allocation per
/// record. A box is immutable, so one can stand for every attribute with that value.
/// </summary>
internal static class BoxedValues
{
    private const long MinCached = -128;
    private const long MaxCached = 1023;

    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly object[] s_integers = [.. Enumerable.Range((int)MinCached, (int)(MaxCached - MinCached + 1)).Select(i => (object)(long)i)];

    public static object Box(bool value) => value ? s_true : s_false;

    public static object Box(long value) => value is >= MinCached and <= MaxCached ? s_integers[value - MinCached] : value;
}
