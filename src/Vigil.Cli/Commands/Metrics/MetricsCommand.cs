using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Model.Text;
using Vigil.Storage.Metrics;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// <c>vigil metrics</c> lists metrics with kind, unit and latest value, or with <c>--format json|csv|prometheus|influx</c>
/// exports the latest point of every series (both narrowed by <c>--filter</c>); <c>vigil metrics NAME</c> shows one
/// metric over time, bucketed by <c>--step</c> and grouped by <c>--by</c>.
/// </summary>
internal sealed class MetricsCommand : Command, IHaveExamples
{
    /// <summary>The range <c>vigil metrics NAME</c> covers without <c>--since</c>.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _output = new();
    private readonly TimeRangeOptions _range;
    private readonly Argument<string?> _name = new("NAME")
    {
        Description = "A metric name (as 'vigil metrics' lists it): show its series instead of the list.",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

            // An unknown option would otherwise be taken for a metric name and reported as "not found".
            if (text.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{text}' (see vigil metrics --help)");
                return null;
            }

            return text;
        },
    };

    private readonly MetricFormatOption _format = new();

    private readonly Option<TimeSpan?> _step = ParsedOption.Single<TimeSpan>(
        "--step", "Bucket width (30s, 5m, 1h); by default about 60 buckets over the range.", "DURATION", DurationParser.TryParse);

    private readonly Option<IReadOnlyList<string>> _by = ParsedOption.Repeated<string>(
        "--by", "Group series by this attribute (repeatable); without it each attribute set is its own series.", "KEY", ParseKey);

    private readonly Option<string?> _filter = new("--filter")
    {
        Description = "Without NAME: only metrics whose name matches this pattern, where * stands for any text ('shop.*', '*.duration').",
        HelpName = "PATTERN",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (NamePattern.Check(text) is not { } error)
            {
                return text;
            }

            result.AddError($"--filter: {error}");
            return null;
        },
    };

    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<IReadOnlyList<KeyValuePair<string, string>>> _where = ParsedOption.Repeated<KeyValuePair<string, string>>(
        "--where", "Only series with this attribute value (key=value); repeatable.", "KEY=VALUE", AttributeFilterParser.TryParse);

    /// <summary>Creates the command.</summary>
    public MetricsCommand(CliContext context)
        : base("metrics", "List metrics with their latest values, export every series' latest point (--format json, csv, prometheus or influx), or show one metric over time: rates, last values or percentiles.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock, DefaultRange);
        Arguments.Add(_name);
        _store.AddTo(this);
        _output.AddTo(this);
        Options.Add(_format.Format);
        Options.Add(_filter);
        _range.AddTo(this);
        Options.Add(_step);
        Options.Add(_by);
        Options.Add(_service);
        Options.Add(_where);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil metrics                                              # every metric, its kind, unit and latest value",
        "vigil metrics --filter 'shop.*' --format prometheus | promtool check metrics   # each series' latest point",
        "vigil metrics --format influx > points.lp                 # line protocol, one line per series",
        "vigil metrics http.server.request.duration                 # p50/p95/p99 and count over the last hour",
        "vigil metrics http.server.request.duration --by http.route --since 6h --step 10m",
        "vigil metrics orders.placed --by tenant --format csv > orders.csv",
        "vigil metrics process.memory.usage --format prometheus | promtool check metrics",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var format = _format.Resolve(parseResult, _output.IsJson(parseResult));
        var palette = _output.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        var name = parseResult.GetValue(_name);
        var filter = parseResult.GetValue(_filter);

        // Validate the whole command line before touching the store.
        if (name is null)
        {
            RejectSeriesOptions(parseResult);
        }
        else if (filter is not null)
        {
            throw new CliUsageException($"--filter: picks the metrics to list or export, so it takes no NAME (vigil metrics --filter '{name}*' ...)");
        }
        else if (format == MetricFormat.Influx)
        {
            throw new CliUsageException($"--format: influx exports each series' latest point, so it takes no NAME (vigil metrics --filter '{name}' --format influx)");
        }

        var query = name is null ? null : BuildQuery(parseResult, name);
        await using var store = _store.Open(parseResult, _context);
        if (query is not null)
        {
            return await new ShowMetricHandler(_context, store, palette, format).RunAsync(query, cancellationToken).ConfigureAwait(false);
        }

        return format == MetricFormat.Table
            ? await new ListMetricsHandler(_context, store, palette).RunAsync(filter, cancellationToken).ConfigureAwait(false)
            : await new ExportMetricsHandler(_context, store, format).RunAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    // The list and the export show every metric's latest value and take no range or attribute filter: an option of
    // NAME's view there would be silently ignored, and "vigil metrics --service orders" would seem to say something
    // about orders.
    private void RejectSeriesOptions(ParseResult parseResult)
    {
        Option[] seriesOnly = [_range.Since, _range.Until!, _step, _by, _service, _where];
        if (seriesOnly.FirstOrDefault(option => parseResult.GetResult(option) is { Implicit: false }) is { } given)
        {
            throw new CliUsageException($"{given.Name}: only applies with a metric NAME (vigil metrics NAME {given.Name} ...); without one, every metric's latest value is shown");
        }
    }

    private MetricQuery BuildQuery(ParseResult parseResult, string name)
    {
        var to = _range.GetUntil(parseResult) ?? _context.Clock.GetUtcNow();
        var from = _range.GetSince(parseResult) ?? to - DefaultRange;
        if (from >= to)
        {
            throw new CliUsageException("--since: must be earlier than --until (or now)");
        }

        var step = parseResult.GetValue(_step) ?? MetricStep.Choose(to - from);
        if ((to - from).Ticks / step.Ticks > MetricStep.MaxBuckets)
        {
            throw new CliUsageException($"--step: {DurationFormatter.Format(step)} over {DurationFormatter.Format(to - from)} makes more than {MetricStep.MaxBuckets} buckets; use a larger step");
        }

        // Buckets start on whole steps (12:05:00, not 12:04:37) so their times read well.
        from = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % step.Ticks), TimeSpan.Zero);
        var by = parseResult.GetValue(_by) ?? [];
        return new MetricQuery
        {
            Name = name,
            From = from,
            To = to,
            Step = step,
            ServiceName = parseResult.GetValue(_service),
            Attributes = parseResult.GetValue(_where) ?? [],
            GroupBy = by.Count == 0 ? null : by,
        };
    }

    private static bool ParseKey(string text, out string key, out string? error)
    {
        key = text.Trim();
        error = key.Length == 0 ? "an attribute key is required" : null;
        return error is null;
    }
}
