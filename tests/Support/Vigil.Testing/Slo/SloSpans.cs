using System.Globalization;
using Vigil.Model;

namespace Vigil.Testing.Slo;

/// <summary>
/// Server spans of one service for the SLO tests (a <c>spanErrors</c> indicator counts them), and the second source
/// behind every SLO figure: the good and all spans of a window, counted from the written list.
/// </summary>
/// <param name="service">The spans' <c>service.name</c>.</param>
/// <param name="firstTrace">Where trace ids start, so these spans share no trace with a test's other records.</param>
public sealed class SloSpans(string service = "shop", int firstTrace = 0)
{
    private readonly List<SpanEntry> _spans = [];

    /// <summary>Every span added, in order.</summary>
    public IReadOnlyList<SpanEntry> All => _spans;

    /// <summary>Adds <paramref name="failed"/> failed then <paramref name="good"/> good spans, a millisecond apart from <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, int good, int failed)
    {
        for (var i = 0; i < good + failed; i++)
        {
            var n = _spans.Count + 1;
            var start = at + TimeSpan.FromMilliseconds(i);
            _spans.Add(new SpanEntry
            {
                TraceId = (firstTrace + n).ToString("x32", CultureInfo.InvariantCulture),
                SpanId = n.ToString("x16", CultureInfo.InvariantCulture),
                Name = "POST /checkout",
                Kind = SpanKind.Server,
                StartTime = start,
                EndTime = start + TimeSpan.FromMilliseconds(20),
                StatusCode = i < failed ? SpanStatusCode.Error : SpanStatusCode.Ok,
                Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, service)] },
            });
        }
    }

    /// <summary>The good and all spans that started in the window ending at <paramref name="end"/>.</summary>
    public (double Good, double Total) Count(DateTimeOffset end, TimeSpan window)
    {
        var inWindow = _spans.Where(s => s.StartTime >= end - window && s.StartTime < end).ToList();
        return (inWindow.Count(s => s.StatusCode != SpanStatusCode.Error), inWindow.Count);
    }
}
