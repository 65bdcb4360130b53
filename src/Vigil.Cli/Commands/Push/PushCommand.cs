using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Parsing;
using Vigil.Cli.Remote;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Push;

/// <summary>
/// <c>vigil push --server URL</c>: sends the local store's logs, spans and metric points to a team <c>vigil serve</c>
/// as OTLP/HTTP protobuf through its query API, and the local error groups' resolved and ignored statuses after them.
/// Idempotent and resumable: the server keeps, for this store, how far each stream is stored (<see cref="PushRun"/>).
/// </summary>
internal sealed class PushCommand : Command, IHaveExamples
{
    /// <summary>Records per request unless <c>--batch-size</c> says otherwise.</summary>
    public const int DefaultBatchSize = 1000;

    // The largest batch: 10,000 log records of a few KiB stay well inside the server's 16 MiB request limit.
    private const int MaxBatchSize = 10_000;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly TimeRangeOptions _range;
    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<bool> _json = new("--json") { Description = "Write the summary as one JSON object (no progress on the terminal)." };
    private readonly Option<int?> _batchSize = ParsedOption.Single<int>(
        "--batch-size",
        $"Records per request, 1 to {MaxBatchSize} (default: {DefaultBatchSize}).",
        "N",
        ParseBatchSize);

    /// <summary>Creates the command.</summary>
    public PushCommand(CliContext context)
        : base("push", "Send the local store's telemetry and error-group statuses to a team Vigil server; run again to resume, nothing is stored twice.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock);
        _store.Path.Description = $"The local store file to push (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).";
        _store.Server.Description = $"The team server's query API to push to, e.g. http://vigil.internal:4320 (default: ${StoreOption.ServerEnvironmentVariable}).";
        Options.Add(_store.Path);
        Options.Add(_store.Server);
        Options.Add(_store.ApiKey);
        Options.Add(_range.Since);
        Options.Add(_service);
        Options.Add(_batchSize);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil push --server http://vigil.internal:4320                  # everything not yet on the server",
        "vigil push --server http://vigil.internal:4320 --since 2h       # only the last two hours",
        "vigil push --server http://vigil.internal:4320 --service api    # one service",
        "VIGIL_API_KEY=... vigil push --server https://vigil.example.com --json",
    ];

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var server = PushTarget.Resolve(parseResult.GetValue(_store.Server), _context);
        var apiKey = parseResult.GetValue(_store.ApiKey) ?? _context.GetEnvironmentVariable(StoreOption.ApiKeyEnvironmentVariable);
        var settings = new PushSettings(
            parseResult.GetValue(_service),
            _range.GetSince(parseResult),
            parseResult.GetValue(_batchSize) ?? DefaultBatchSize,
            _context.Clock.GetUtcNow());
        var path = StorePaths.Resolve(parseResult.GetValue(_store.Path), _context.GetEnvironmentVariable, _context.CurrentDirectory);

        // For change: a store made before push gets its identity (schema 012) here, as any writer upgrades it.
        await using var local = _context.OpenStoreForChange(path);
        if (local is not IPushSource source)
        {
            throw new CliUsageException($"--store: '{local.Location}' is not a store file this Vigil can push from (push reads a local SQLite store)");
        }

        await using var remote = new HttpTelemetryStore(server, apiKey);
        var json = parseResult.GetValue(_json);
        PushSummary summary;
        if (!json && _context.StdoutIsTerminal)
        {
            summary = await PushProgress.RunAsync(_context.Stdout, async progress =>
            {
                var run = new PushRun(local, source, remote, settings) { OnStart = progress.Start, OnBatch = progress.Advance };
                var result = await run.RunAsync(cancellationToken).ConfigureAwait(false);
                progress.Finish();
                return result;
            }).ConfigureAwait(false);
        }
        else
        {
            summary = await new PushRun(local, source, remote, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        if (json)
        {
            PushSummaryOutput.WriteJson(_context.Data, summary);
        }
        else
        {
            PushSummaryOutput.WriteText(_context.Stdout, summary);
        }

        return ExitCodes.Success;
    }

    private static bool ParseBatchSize(string text, out int value, out string? error)
    {
        if (!PositiveIntegerParser.TryParse(text, out value, out error))
        {
            return false;
        }

        if (value > MaxBatchSize)
        {
            error = $"'{text}' is more than {MaxBatchSize}";
            return false;
        }

        return true;
    }
}
