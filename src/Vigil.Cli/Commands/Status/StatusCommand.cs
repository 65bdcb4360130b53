using System.CommandLine;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Remote;
using Vigil.Server.Disk;
using Vigil.Server.Usage;
using Vigil.Server.Configuration;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Status;

/// <summary>
/// <c>vigil status</c>: how much room a store file takes and how fast it grows: its bytes per signal, the disk's free
/// space, and the time until the disk guard's floor at the last day's rate (see docs/cli.md). With <c>--server</c>,
/// the server's own store as <c>GET /api/status</c> measures it; both are a <see cref="StoreStatus"/>, printed by the
/// same writers.
/// </summary>
internal sealed class StatusCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly ServerConfigOption _config = new("the disk guard's floor (DiskGuard) and retention (Retention) shown");

    /// <summary>Creates the command.</summary>
    public StatusCommand(CliContext context)
        : base(
            "status",
            "Show how much room the store takes: its size and records per signal, their growth over the last day, the free space on its disk, the time until the disk guard's floor (the server configuration's, else 1 GiB or 5 %) at that rate, and retention's last run as vigil serve recorded it. A store file, or with --server the server's own store file.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        _config.AddTo(this);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil status                                 # the local store",
        "vigil status --store /var/lib/vigil/vigil.db",
        "vigil status --json | jq .untilFloorSeconds",
        "vigil status --config vigil.server.json    # the floor and retention that file sets",
        "vigil status --server http://127.0.0.1:4320 # the server's store, floor and retention",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var report = _store.NamesServer(parseResult, _context)
            ? await ReadServerAsync(parseResult, cancellationToken).ConfigureAwait(false)
            : await ReadFileAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            StatusJsonOutput.Write(_context.Data, report);
        }
        else
        {
            StatusTextOutput.Write(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, report, _context.Clock.GetUtcNow());
        }

        return 0;
    }

    private async Task<StoreStatus> ReadServerAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        // A server reports the floor and retention it runs with; a file here would say something else beside them.
        if (_config.IsGiven(parseResult))
        {
            throw new CliUsageException("--config: cannot be combined with --server (the server reports the floor and retention of its own configuration)");
        }

        await using var store = _store.Open(parseResult, _context);
        try
        {
            return await ((HttpTelemetryStore)store).GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            // A server on PostgreSQL (501): refused as a database named with --store is, in the server's words.
            throw new CliUsageException(e.Message);
        }
    }

    private async Task<StoreStatus> ReadFileAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        // The configuration first: a named file that is missing or wrong is exit 1 whether or not the store opens.
        var configuration = _config.Read(parseResult, _context);
        await using var store = _store.Open(parseResult, _context);
        if (store is not (IStoreUsageReader usage and ITelemetryReader reader) || StorePaths.IsDatabase(store.Location))
        {
            throw new CliUsageException("vigil status reads a store file or a server only; a PostgreSQL database's size is the database server's to report");
        }

        var settings = configuration is { } file ? file.Value.StatusSettings(file.Path) : new ServerConfiguration().StatusSettings(path: null);
        return await StoreStatus.ReadAsync(usage, reader, DriveDiskSpace.Of(store.Location), settings, _context.Clock, cancellationToken).ConfigureAwait(false);
    }
}
