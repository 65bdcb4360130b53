using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Storage.Tests.Json;

/// <summary>The one attribute encoder: its rules, and that the store reads back what it wrote.</summary>
public sealed class AttributeValueEncoderTests
{
    /// <summary>An array nested <paramref name="levels"/> deep around a string, built in code (no recursion).</summary>
    internal static object? Nested(int levels)
    {
        object? value = "leaf";
        for (var i = 0; i < levels; i++)
        {
            value = new object?[] { value };
        }

        return value;
    }

    private static string Encode(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueEncoder.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static object? RoundTrip(object? value) =>
        Assert.Single(AttributeJson.Deserialize(AttributeJson.Serialize([new("v", value)]))).Value;

    [Theory]
    [InlineData(null, "null")]
    [InlineData("text", "\"text\"")]
    [InlineData(true, "true")]
    [InlineData(42L, "42")]
    [InlineData(42, "42")]
    [InlineData((short)-3, "-3")]
    [InlineData((byte)7, "7")]
    [InlineData(2.5, "2.5")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e20, "1E+20")]
    [InlineData(0.5f, "0.5")]
    [InlineData('x', "\"x\"")]
    [InlineData(double.NaN, """{"$double":"NaN"}""")]
    [InlineData(double.PositiveInfinity, """{"$double":"Infinity"}""")]
    [InlineData(double.NegativeInfinity, """{"$double":"-Infinity"}""")]
    [InlineData(float.NaN, """{"$double":"NaN"}""")]
    public void WriteValue_Scalar_WritesTheRule(object? value, string expected) =>
        Assert.Equal(expected, Encode(value));

    [Fact]
    public void WriteValue_OtherKinds_WriteTheirRule()
    {
        Assert.Equal("""{"$bytes":"AQID"}""", Encode(new byte[] { 1, 2, 3 }));
        Assert.Equal("""["a",1,[true,null]]""", Encode(new object?[] { "a", 1, new object?[] { true, null } }));
        Assert.Equal("""{"k":1,"m":{"n":"x"}}""", Encode(new Dictionary<string, object?> { ["k"] = 1, ["m"] = new Dictionary<string, object?> { ["n"] = "x" } }));
        Assert.Equal("12.5", Encode(12.5m));
        Assert.Equal("\"18446744073709551615\"", Encode(ulong.MaxValue));
        Assert.Equal("2026-12-02T01:02:03.0000000+00:00", JsonDocument.Parse(Encode(new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.Zero))).RootElement.GetString());
        Assert.Equal("\"1.5\"", Encode(new Version(1, 5)));
        Assert.Contains("threw InvalidOperationException", Encode(new ThrowingToString()), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_EveryKind_ReadsBackWithItsType()
    {
        Assert.Null(RoundTrip(null));
        Assert.Equal("text", RoundTrip("text"));
        Assert.Equal(true, RoundTrip(true));
        Assert.Equal(42L, RoundTrip(42));
        Assert.Equal(1.0, RoundTrip(1.0));
        Assert.Equal(double.NaN, RoundTrip(double.NaN));
        Assert.Equal(double.PositiveInfinity, RoundTrip(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, RoundTrip(double.NegativeInfinity));
        Assert.Equal(new byte[] { 1, 2, 3 }, RoundTrip(new byte[] { 1, 2, 3 }));
        Assert.Equal(new object?[] { "a", 1L, 2.5 }, RoundTrip(new object?[] { "a", 1, 2.5 }));
        Assert.Equal("""{"k":1}""", RoundTrip(new Dictionary<string, object?> { ["k"] = 1 }));
    }

    [Fact]
    public void Deserialize_MapThatLooksLikeAMarker_ReadsBackAsTextNotAnError()
    {
        // A map with a member named $bytes that is no base64 must not make the stored record unreadable.
        Assert.Equal("""{"$bytes":"not base64!"}""", RoundTrip(new Dictionary<string, object?> { ["$bytes"] = "not base64!" }));
        Assert.Equal("""{"$double":1}""", RoundTrip(new Dictionary<string, object?> { ["$double"] = 1 }));
    }

    [Fact]
    public void WriteValue_TenThousandLevels_CappedAtMaxDepthWithoutOverflowingTheStack()
    {
        var json = Encode(Nested(10_000));

        var expected = new string('[', AttributeValueEncoder.MaxDepth) + "\"\\u2026\"" + new string(']', AttributeValueEncoder.MaxDepth);
        Assert.Equal(expected, json);
        AssertCapped(RoundTrip(Nested(10_000)));
    }

    [Fact]
    public void WriteValue_NestedUpToTheCap_KeptWhole()
    {
        var value = RoundTrip(Nested(AttributeValueEncoder.MaxDepth));

        for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(Assert.IsType<object?[]>(value));
        }

        Assert.Equal("leaf", value);
    }

    [Fact]
    public void WriteValue_SelfReferencingList_Capped()
    {
        var list = new List<object?>();
        list.Add(list);

        AssertCapped(RoundTrip(list));
    }

    /// <summary>The shape every writer gives a value nested past the cap: MaxDepth arrays around the marker text.</summary>
    internal static void AssertCapped(object? value)
    {
        for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(Assert.IsType<object?[]>(value));
        }

        Assert.Equal(AttributeValueEncoder.TooDeep, value);
    }

    private sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("no text");
    }
}
