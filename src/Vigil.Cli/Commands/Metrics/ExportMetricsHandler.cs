using System.Globalization;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// <c>vigil metrics --format json|csv|prometheus|influx</c> with no NAME: the latest point of every series (whose
/// metric name matches <c>--filter</c>), read in one store read (<see cref="ITelemetryReader.ReadLatestPointsAsync"/>).
/// </summary>
internal sealed class ExportMetricsHandler
{
    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly MetricFormat _format;

    /// <summary>Creates the handler.</summary>
    public ExportMetricsHandler(CliContext context, IQueryStore store, MetricFormat format)
    {
        _context = context;
        _store = store;
        _format = format;
    }

    /// <summary>Writes the points; exit code 0, with a note on stderr when there are none.</summary>
    public async Task<int> RunAsync(string? filter, CancellationToken cancellationToken)
    {
        var query = new LatestPointsQuery { NamePattern = filter, Limit = LatestPointsQuery.MaxLimit };
        var points = await _store.ReadLatestPointsAsync(query, cancellationToken).ConfigureAwait(false);
        if (points.Count == 0)
        {
            await _context.Stderr.WriteLineAsync(filter is null ? "No metrics yet." : $"No metric matches '{filter}'.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var leftOut = _format switch
        {
            MetricFormat.Json => Written(() => PointJsonOutput.Write(_context.Data, points)),
            MetricFormat.Csv => Written(() => PointCsvOutput.Write(_context.Data, points)),
            MetricFormat.Prometheus => PointPrometheusOutput.Write(_context.Data, points),
            MetricFormat.Influx => PointInfluxOutput.Write(_context.Data, points),
            _ => throw new InvalidOperationException($"{_format} is not an export format"),
        };
        if (leftOut > 0)
        {
            var why = _format == MetricFormat.Prometheus
                ? "delta sums and histograms (Prometheus has no type for one interval's change), or a Prometheus name or label set another series took first"
                : "only NaN or infinite values, which line protocol cannot spell";
            await _context.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"vigil: {leftOut} of {points.Count} series left out: {why}.")).ConfigureAwait(false);
        }

        if (points.Count == query.Limit)
        {
            await _context.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"vigil: stopped at {query.Limit} series; narrow the export with --filter.")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static int Written(Action write)
    {
        write();
        return 0;
    }
}
