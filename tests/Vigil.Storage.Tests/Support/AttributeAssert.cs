using System.Collections;

namespace Vigil.Storage.Tests.Support;

/// <summary>Compares attribute lists by key, value and value type (arrays and bytes element by element).</summary>
internal static class AttributeAssert
{
    public static void Equal(IReadOnlyList<KeyValuePair<string, object?>> expected, IReadOnlyList<KeyValuePair<string, object?>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Key, actual[i].Key);
            ValueEqual(expected[i].Value, actual[i].Value);
        }
    }

    private static void ValueEqual(object? expected, object? actual)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case int or short or byte or uint:
                Assert.Equal(Convert.ToInt64(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<long>(actual));
                break;
            case float f:
                Assert.Equal((double)f, Assert.IsType<double>(actual));
                break;
            case byte[] bytes:
                Assert.Equal(bytes, Assert.IsType<byte[]>(actual));
                break;
            case string or bool or long or double:
                Assert.Equal(expected.GetType(), actual?.GetType());
                Assert.Equal(expected, actual);
                break;
            case IEnumerable items:
                var actualItems = Assert.IsType<object?[]>(actual);
                var expectedItems = items.Cast<object?>().ToArray();
                Assert.Equal(expectedItems.Length, actualItems.Length);
                for (var i = 0; i < expectedItems.Length; i++)
                {
                    ValueEqual(expectedItems[i], actualItems[i]);
                }

                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
