using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>Shows one metric over a range in the chosen format.</summary>
internal sealed class ShowMetricHandler
{
    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    private readonly MetricFormat _format;

    /// <summary>Creates the handler.</summary>
    public ShowMetricHandler(CliContext context, IQueryStore store, Palette palette, MetricFormat format)
    {
        _context = context;
        _store = store;
        _palette = palette;
        _format = format;
    }

    /// <summary>Runs <paramref name="query"/>; <see cref="ExitCodes.NotFound"/> when no metric has that name.</summary>
    public async Task<int> RunAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var result = await _store.QueryMetricAsync(query, cancellationToken).ConfigureAwait(false);
        if (result.Kind is null)
        {
            await _context.Stderr.WriteLineAsync($"vigil: no metric named '{query.Name}' in the store (run '{_context.Runnable("vigil metrics")}' to list them)").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        var shape = MetricShapes.Of(result);
        switch (_format)
        {
            case MetricFormat.Json:
                SeriesJsonOutput.Write(_context.Data, result, shape);
                break;
            case MetricFormat.Csv:
                SeriesCsvOutput.Write(_context.Data, result, shape);
                break;
            case MetricFormat.Prometheus:
                // The query result carries no description; the metric list does.
                var summary = (await _store.ListMetricsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Name == query.Name);
                SeriesPrometheusOutput.Write(_context.Data, result, shape, summary?.Description);
                break;
            default:
                if (!result.Series.Any(s => s.Buckets.Count > 0))
                {
                    await _context.Stderr.WriteLineAsync($"No data for {query.Name} between {query.From:u} and {query.To:u}.").ConfigureAwait(false);
                    break;
                }

                SeriesTableOutput.Write(_context.Stdout, _palette, _context.Clock, result, shape);
                if (_store is IExemplarReader exemplars)
                {
                    var found = await exemplars.QueryExemplarsAsync(
                        new ExemplarQuery { Name = query.Name, From = query.From, To = query.To, ServiceName = query.ServiceName, Limit = ExemplarTableOutput.Shown * 4 },
                        cancellationToken).ConfigureAwait(false);
                    ExemplarTableOutput.Write(_context.Stdout, _palette, _context, found);
                }

                break;
        }

        return ExitCodes.Success;
    }
}
