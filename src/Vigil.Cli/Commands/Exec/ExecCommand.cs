using System.CommandLine;
using System.Diagnostics;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Recording;
using Vigil.Redaction;
using Vigil.Tracing;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// <c>vigil exec [options] -- COMMAND [ARGS...]</c>: runs any command with its input and output passed through,
/// exits with its exit code, and records it (a span, its output lines as log records, duration, CPU and memory
/// histograms) in the local store or over OTLP, handing its trace to the command through <c>TRACEPARENT</c>.
/// </summary>
internal sealed class ExecCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Option<string?> _otlp = new("--otlp")
    {
        Description = "Send the record over OTLP/HTTP to this endpoint instead of a store file, e.g. vigil serve's http://127.0.0.1:4318.",
        HelpName = "URL",
    };

    private readonly Option<string?> _name = new("--name")
    {
        Description = "The task name budgets and history know the run by (default: the program and its first word, e.g. 'dotnet build').",
        HelpName = "NAME",
    };

    private readonly Option<string?> _service = new("--service")
    {
        Description = $"The service.name the records carry (default: {ExecSemantics.DefaultServiceName}).",
        HelpName = "NAME",
    };

    private readonly Option<string?> _pushGateway = new("--push-gateway")
    {
        Description = "After the run, push its metrics (duration, CPU time, peak memory) to this Prometheus Pushgateway, grouped by job = the task name (see --name) and instance = the host name. Default: $PROMETHEUS_PUSH_GATEWAY, when set.",
        HelpName = "URL",
    };

    private readonly Option<bool> _noMSBuildLogger = new("--no-msbuild-logger")
    {
        Description = "Do not add vigil's MSBuild logger to dotnet build and dotnet test (added by default, so the build's projects and targets are recorded inside the command's span).",
    };

    private readonly Option<string?> _budget = new("--budget")
    {
        Description = "After the run, check this command's budgets against its history: a budget file, or the command name of a budget in ./vigil.budgets.json (else ./vigil.json). The table goes to stderr; when the command succeeded but a limit is over, vigil exits 1.",
        HelpName = "FILE|NAME",
    };

    private readonly Option<string?> _recordLines = new("--record-lines")
    {
        Description = $"How many lines of each output stream become log records: the first N and the last N, and between them up to N that read as errors or compiler warnings; the lines left out are counted on the span. 'all' records every line. Default: {OutputRecordLimit.Default}. The output itself always passes through whole.",
        HelpName = "N|all",
    };

    private readonly Argument<string[]> _command = new("command")
    {
        Description = "The command and its arguments, after --.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Creates the command.</summary>
    public ExecCommand(CliContext context)
        : base(
            "exec",
            "Run a command, pass its input and output through, and record it: a span with its command line, exit code, git and CI details, its output lines as logs, duration, CPU time and peak memory. Exits with the command's exit code (127 not found, 126 not executable, 128+N killed by signal N).")
    {
        _context = context;
        _store.AddWritePathTo(this);
        Options.Add(_otlp);
        Options.Add(_name);
        Options.Add(_service);
        Options.Add(_pushGateway);
        Options.Add(_noMSBuildLogger);
        Options.Add(_budget);
        Options.Add(_recordLines);
        Arguments.Add(_command);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil exec -- dotnet build                    # recorded in .vigil/vigil.db",
        "vigil exec --name unit-tests -- dotnet test -c Release",
        "vigil exec --otlp http://127.0.0.1:4318 -- make all",
        "vigil exec --no-msbuild-logger -- dotnet build   # the command only, no project/target spans",
        "vigil exec --budget ci/budgets.json -- dotnet build   # then check its budgets; exit 1 if over",
        "vigil exec --push-gateway http://127.0.0.1:9091 --name nightly-import -- ./import.sh   # push the run's metrics",
        "vigil traces --service vigil-exec             # what was recorded",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var words = parseResult.GetValue(_command) ?? [];
        if (words.Length == 0 || string.IsNullOrEmpty(words[0]))
        {
            throw new CliUsageException("exec: give the command to run after --, e.g. vigil exec -- dotnet build");
        }

        var destination = Destination(parseResult);
        var budget = NonEmpty(parseResult, _budget) is { } budgetText ? ExecBudget.Load(budgetText, _context.CurrentDirectory, destination.OtlpEndpoint is not null) : null;
        var limit = RecordLimit(parseResult);
        var command = ExecCommandLine.Create(words, NonEmpty(parseResult, _name), new CommandLineRedactor(new Redactor(new RedactionOptions())));
        var environment = _context.Environment;
        var directory = _context.CurrentDirectory;
        var parent = EnvironmentTraceContext.Read(environment);

        var pushGateway = PushGateway(parseResult);

        // The command does not wait for the record: the SDK starts (and the store is checked) while the command already
        // runs. The task starts before the span, so it does not run inside it.
        var starting = Task.Run(() => StartRecorder(destination, NonEmpty(parseResult, _service) ?? ExecSemantics.DefaultServiceName, pushGateway, command.Name), CancellationToken.None);
        using var activity = ExecRecorder.StartSpan(command, parent);
        var toRun = !parseResult.GetValue(_noMSBuildLogger) && MSBuildLoggerInjection.Applies(command)
            ? WithMSBuildLogger(command, destination)
            : command;
        var started = Stopwatch.GetTimestamp();
        ChildRun? childRun = null;
        int exitCode;
        try
        {
            childRun = await ChildRunner.RunAsync(
                toRun,
                ExecTraceContext.ForChild(environment, activity),
                directory,
                new ExecStreams(_context.RawStdout, _context.RawStderr),
                LineRecorderAsync(starting),
                limit,
                cancellationToken).ConfigureAwait(false);
            exitCode = childRun.ExitCode;
        }
        catch (ChildStartException e)
        {
            await _context.Stderr.WriteLineAsync($"vigil: {e.Message}").ConfigureAwait(false);
            exitCode = e.ExitCode;
        }

        var ended = childRun?.EndedTimestamp ?? Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, ended);

        // The span ends with the command, not when the record is ready: a short command must not look as slow as the
        // SDK's start-up.
        activity?.SetEndTime(DateTime.UtcNow - Stopwatch.GetElapsedTime(ended));

        // git only now, beside the SDK's start: the child's CPU and memory are read from getrusage(RUSAGE_CHILDREN),
        // which would count a git that ran and was waited for during the command as part of it.
        var git = GitState.ReadAsync(directory, environment, CancellationToken.None);
        var recorder = await starting.ConfigureAwait(false);
        var gitState = await git.ConfigureAwait(false);
        if (recorder is not null)
        {
            await FinishAsync(recorder, activity, command, new ExecOutcome(exitCode, elapsed, childRun), gitState, destination).ConfigureAwait(false);
        }

        // The command's own failure is its exit code; a budget over turns only a success into 1 (docs/builds.md).
        if (budget is not null && recorder is not null && destination.StorePath is { } storePath
            && await budget.CheckAsync(_context, storePath, command.Name, NonEmpty(parseResult, _service) ?? ExecSemantics.DefaultServiceName, cancellationToken).ConfigureAwait(false)
            && exitCode == 0)
        {
            return Budgets.CheckBudgetsCommand.OverBudget;
        }

        return exitCode;
    }

    private ExecCommandLine WithMSBuildLogger(ExecCommandLine command, RecordingDestination destination)
    {
        if (MSBuildLoggerInjection.Add(command, destination, MSBuildLoggerInjection.LoggerPath, out var reason) is { } withLogger)
        {
            return withLogger;
        }

        _context.Stderr.WriteLine($"vigil exec: not adding the MSBuild logger ({reason}); the command is recorded without its build breakdown");
        return command;
    }

    private ExecRecorder? StartRecorder(RecordingDestination destination, string service, Uri? pushGateway, string job)
    {
        try
        {
            // The SDK opens its store lazily and never throws into its host; open it once here, so a store that cannot
            // be written is said now rather than lost in silence.
            if (destination.StorePath is { } path)
            {
                _context.OpenStoreForWrite(path).DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return ExecRecorder.Start(destination, service, _context.Environment, _context.CurrentDirectory, pushGateway, job);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The command runs whatever happens to its record: a broken store must not break a build.
            _context.Stderr.WriteLine($"vigil exec: not recording this run ({destination.Describe()}): {e.Message}");
            return null;
        }
    }

    private static async Task<IOutputLineRecorder?> LineRecorderAsync(Task<ExecRecorder?> starting) => await starting.ConfigureAwait(false);

    private async Task FinishAsync(ExecRecorder recorder, Activity? activity, ExecCommandLine command, ExecOutcome outcome, GitState? git, RecordingDestination destination)
    {
        try
        {
            if (activity is not null)
            {
                ExecSpan.Complete(activity, command, outcome, _context.CurrentDirectory, git, CiEnvironment.Detect(_context.GetEnvironmentVariable));
                activity.Stop();
            }

            recorder.Finished(command.Name, outcome.Result, outcome.Duration, outcome.Run?.Resources);
        }
        finally
        {
            try
            {
                await recorder.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                await _context.Stderr.WriteLineAsync($"vigil exec: the run was not recorded ({destination.Describe()}): {e.Message}").ConfigureAwait(false);
            }
        }
    }

    private RecordingDestination Destination(ParseResult parseResult)
    {
        if (NonEmpty(parseResult, _otlp) is not { } text)
        {
            return new RecordingDestination(_store.Resolve(parseResult, _context), null);
        }

        if (parseResult.GetValue(_store.Path) is not null)
        {
            throw new CliUsageException("--otlp: cannot be combined with --store (record into a file or send over OTLP, not both)");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"--otlp: '{text}' is not an http:// or https:// URL (e.g. http://127.0.0.1:4318)");
        }

        return new RecordingDestination(null, uri);
    }

    private OutputRecordLimit RecordLimit(ParseResult parseResult) => parseResult.GetValue(_recordLines) switch
    {
        null => OutputRecordLimit.Default,
        var text when OutputRecordLimit.TryParse(text, out var limit) => limit,
        var text => throw new CliUsageException($"--record-lines: '{text}' is not a positive number of lines or 'all' (e.g. --record-lines 50000)"),
    };

    private Uri? PushGateway(ParseResult parseResult)
    {
        if (NonEmpty(parseResult, _pushGateway) is not { } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"--push-gateway: '{text}' is not an http:// or https:// URL (e.g. http://127.0.0.1:9091)");
    }

    private static string? NonEmpty(ParseResult parseResult, Option<string?> option)
    {
        var value = parseResult.GetValue(option);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
