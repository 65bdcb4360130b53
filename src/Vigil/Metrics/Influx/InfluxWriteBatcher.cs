using System.Text;
using Vigil.Model;

namespace Vigil.Metrics.Influx;

/// <summary>One write's body and the number of lines (points) in it.</summary>
internal readonly record struct InfluxWrite(byte[] Body, int Lines);

/// <summary>
/// Encodes points and cuts the lines into writes of at most a number of lines and of bytes, so that no write is
/// refused for its size (InfluxDB 1.x answers 413 past its <c>max-body-size</c>). A line longer than the byte cap on
/// its own cannot be written and is counted as skipped, as is a point with nothing line protocol can spell.
/// </summary>
internal sealed class InfluxWriteBatcher(int maxLines, int maxBytes)
{
    private readonly StringBuilder _line = new(256);

    public List<InfluxWrite> Split(IReadOnlyList<MetricPoint> points, out int skipped)
    {
        var writes = new List<InfluxWrite>();
        var body = new MemoryStream();
        var lines = 0;
        var encoded = new byte[1024];
        skipped = 0;
        foreach (var point in points)
        {
            _line.Clear();
            if (!InfluxLineEncoder.TryAppend(_line, point))
            {
                skipped++;
                continue;
            }

            var byteCount = Encoding.UTF8.GetMaxByteCount(_line.Length);
            if (encoded.Length < byteCount)
            {
                encoded = new byte[Math.Max(byteCount, encoded.Length * 2)];
            }

            var length = 0;
            foreach (var chunk in _line.GetChunks())
            {
                length += Encoding.UTF8.GetBytes(chunk.Span, encoded.AsSpan(length));
            }

            if (length > maxBytes)
            {
                skipped++;
                continue;
            }

            if (lines == maxLines || body.Length + length > maxBytes)
            {
                writes.Add(new InfluxWrite(body.ToArray(), lines));
                body.SetLength(0);
                lines = 0;
            }

            body.Write(encoded, 0, length);
            lines++;
        }

        if (lines > 0)
        {
            writes.Add(new InfluxWrite(body.ToArray(), lines));
        }

        return writes;
    }
}
