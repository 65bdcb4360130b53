using Vigil.Server.Influx;

namespace Vigil.Server.Tests.Influx;

/// <summary>The line-protocol reference's rules, one by one, and the lines it says are not line protocol.</summary>
public sealed class InfluxLineParserTests
{
    [Fact]
    public void Parse_FullLine_MeasurementTagsFieldsAndNanosecondTime()
    {
        var point = Assert.Single(InfluxLineParser.Parse("weather,location=us-midwest,season=summer temperature=82,humidity=71i 1465839830100400200", 1));

        Assert.Equal("weather", point.Measurement);
        Assert.Equal([new("location", "us-midwest"), new("season", "summer")], point.Tags);
        Assert.Equal([new InfluxField("temperature", InfluxFieldType.Float, 82, null), new InfluxField("humidity", InfluxFieldType.Integer, 71, null)], point.Fields);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(14658398301004002), point.Timestamp);
    }

    [Fact]
    public void Parse_EscapesInEveryPosition_AsTheReferenceTableSays()
    {
        // Measurement: comma and space. Tag keys, values, field keys: comma, equals, space. Strings: quote, backslash.
        const string line = """my\ weather\,now,lo\=c\ at\,ion=us\,mid\=west\ x,plain=a\b temp\=\ \,c=1,note="say \"hi\" C:\\dir\ \n" 10""";

        var point = Assert.Single(InfluxLineParser.Parse(line, 1));

        Assert.Equal("my weather,now", point.Measurement);
        Assert.Equal([new("lo=c at,ion", "us,mid=west x"), new("plain", "a\\b")], point.Tags);
        Assert.Equal("temp= ,c", point.Fields[0].Key);
        Assert.Equal("say \"hi\" C:\\dir\\ \\n", point.Fields[1].Text);
    }

    [Fact]
    public void Parse_StringWithNewline_OnePointAndLinesCountedOnward()
    {
        var points = InfluxLineParser.Parse("log msg=\"two\nlines\" 1\ncpu value=1 2\n", 1);

        Assert.Equal(2, points.Count);
        Assert.Equal("two\nlines", points[0].Fields[0].Text);
        var error = Assert.Throws<InfluxParseException>(() => InfluxLineParser.Parse("log msg=\"two\nlines\" 1\ncpu value=", 1));
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("1", nameof(InfluxFieldType.Float), 1)]
    [InlineData("-1.5e3", nameof(InfluxFieldType.Float), -1500)]
    [InlineData("+.5", nameof(InfluxFieldType.Float), 0.5)]
    [InlineData("-9223372036854775808i", nameof(InfluxFieldType.Integer), -9223372036854775808d)]
    [InlineData("18446744073709551615u", nameof(InfluxFieldType.UnsignedInteger), 18446744073709551615d)]
    [InlineData("t", nameof(InfluxFieldType.Boolean), 1)]
    [InlineData("TRUE", nameof(InfluxFieldType.Boolean), 1)]
    [InlineData("False", nameof(InfluxFieldType.Boolean), 0)]
    [InlineData("f", nameof(InfluxFieldType.Boolean), 0)]
    public void Parse_FieldTypes_ReadAsTheirType(string value, string type, double number)
    {
        var field = Assert.Single(Assert.Single(InfluxLineParser.Parse("m v=" + value, 1)).Fields);

        Assert.Equal(Enum.Parse<InfluxFieldType>(type), field.Type);
        Assert.Equal(number, field.Number);
    }

    [Theory]
    [InlineData(1L, 1_000_000_000L)]
    [InlineData(1_000L, 1_000_000L)]
    [InlineData(1_000_000L, 1_000L)]
    [InlineData(1_000_000_000L, 1L)]
    public void Parse_Precision_ScalesTheTimestamp(long nanosecondsPerUnit, long units)
    {
        var point = Assert.Single(InfluxLineParser.Parse($"m v=1 {units}", nanosecondsPerUnit));

        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), point.Timestamp);
    }

    [Fact]
    public void Parse_CommentsBlankLinesCrLfAndNoTimestamp_Skipped()
    {
        var points = InfluxLineParser.Parse("# a comment\r\n\r\n  \ncpu value=1\r\ncpu value=2 -5\r\n", 1);

        Assert.Equal(2, points.Count);
        Assert.Null(points[0].Timestamp);
        Assert.Equal(DateTimeOffset.UnixEpoch, points[1].Timestamp);
    }

    [Theory]
    [InlineData("cpu", "no fields")]
    [InlineData("cpu ", "field key is empty")]
    [InlineData("cpu,host=a", "no fields")]
    [InlineData(",host=a v=1", "measurement is empty")]
    [InlineData("cpu,=a v=1", "tag key is empty")]
    [InlineData("cpu,host= v=1", "value of tag 'host' is empty")]
    [InlineData("cpu,host v=1", "tag 'host' has no '='")]
    [InlineData("cpu v", "field 'v' has no '='")]
    [InlineData("cpu v=", "field 'v' has no value")]
    [InlineData("cpu v=1,", "field key is empty")]
    [InlineData("cpu v=NaN", "is not a value")]
    [InlineData("cpu v=Infinity", "is not a value")]
    [InlineData("cpu v=1e999", "is not a value")]
    [InlineData("cpu v=1,000", "field '000' has no '='")]
    [InlineData("cpu v=9223372036854775808i", "not a 64-bit integer")]
    [InlineData("cpu v=-1u", "not an unsigned")]
    [InlineData("cpu v=\"open", "no closing")]
    [InlineData("cpu v=1 12a", "not a timestamp")]
    [InlineData("cpu v=1 1 2", "after the timestamp")]
    [InlineData("cpu v=1\"x\"", "is not a value")]
    public void Parse_Malformed_FailsNamingTheProblem(string line, string message)
    {
        var error = Assert.Throws<InfluxParseException>(() => InfluxLineParser.Parse("ok value=1\n" + line, 1));

        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimestampBeyondNanosecondRange_Fails()
    {
        var error = Assert.Throws<InfluxParseException>(() => InfluxLineParser.Parse("m v=1 9223372036854775807", 1_000_000_000));

        Assert.Contains("1677 to 2262", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NameLongerThan64KiB_Fails()
    {
        var error = Assert.Throws<InfluxParseException>(() => InfluxLineParser.Parse(new string('m', InfluxLineParser.MaxNameLength + 1) + " v=1", 1));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }
}
