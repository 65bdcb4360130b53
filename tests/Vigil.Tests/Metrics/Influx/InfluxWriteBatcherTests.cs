using System.Text;
using Vigil.Metrics.Influx;
using Vigil.Model;

namespace Vigil.Tests.Metrics.Influx;

public sealed class InfluxWriteBatcherTests
{
    private static MetricPoint Point(string name) => new()
    {
        Series = new MetricSeriesInfo { Name = name, Kind = MetricKind.Gauge },
        Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(1),
        Value = 1,
    };

    private static string[] Lines(InfluxWrite write) => Encoding.UTF8.GetString(write.Body).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Split_MoreLinesThanTheCap_WritesOfAtMostTheCapInOrder()
    {
        var points = Enumerable.Range(0, 7).Select(i => Point($"m{i}")).ToList();

        var writes = new InfluxWriteBatcher(maxLines: 3, maxBytes: 1_000_000).Split(points, out var skipped);

        Assert.Equal(0, skipped);
        Assert.Equal([3, 3, 1], writes.Select(w => w.Lines));
        Assert.Equal(points.Select(p => $"{p.Series.Name} value=1 1000000000"), writes.SelectMany(Lines));
        Assert.All(writes, w => Assert.Equal(w.Lines, Lines(w).Length));
    }

    [Fact]
    public void Split_BytesCap_NoWriteLongerThanTheCap()
    {
        // Each line is "mN value=1 1000000000\n": 22 bytes, so two fit in 50.
        var points = Enumerable.Range(0, 10).Select(i => Point($"m{i}")).ToList();

        var writes = new InfluxWriteBatcher(maxLines: 1000, maxBytes: 50).Split(points, out _);

        Assert.All(writes, w => Assert.True(w.Body.Length <= 50, $"{w.Body.Length} bytes"));
        Assert.Equal(10, writes.Sum(w => w.Lines));
        Assert.Equal(5, writes.Count);
    }

    [Fact]
    public void Split_LineLongerThanTheBytesCap_SkippedAndCounted_OthersWritten()
    {
        var points = new List<MetricPoint> { Point("short"), Point(new string('x', 200)), Point("after"), Point("nan") with { Value = double.NaN } };

        var writes = new InfluxWriteBatcher(maxLines: 1000, maxBytes: 100).Split(points, out var skipped);

        Assert.Equal(2, skipped);
        Assert.Equal(["short value=1 1000000000", "after value=1 1000000000"], writes.SelectMany(Lines));
    }

    [Fact]
    public void Split_MultiByteNames_CapCountsBytesNotCharacters()
    {
        // "測" is three bytes in UTF-8: 40 of them make a 120-byte name.
        var points = new List<MetricPoint> { Point(new string('測', 40)), Point(new string('測', 40)) };

        var writes = new InfluxWriteBatcher(maxLines: 1000, maxBytes: 200).Split(points, out var skipped);

        Assert.Equal(0, skipped);
        Assert.Equal(2, writes.Count);
        Assert.Equal(new string('測', 40) + " value=1 1000000000", Lines(writes[0])[0]);
    }
}
