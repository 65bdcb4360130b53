namespace Vigil.Storage.Builds;

/// <summary>
/// The names <c>vigil exec</c> records under: OpenTelemetry's CI/CD, process and VCS semantic conventions where they
/// have a name (https://opentelemetry.io/docs/specs/semconv/registry/attributes/cicd/, .../process/, .../vcs/), and
/// <c>vigil.exec.*</c> for what they do not. Budgets and <c>vigil builds</c> read the records back by these names.
/// </summary>
internal static class ExecSemantics
{
    /// <summary>The ActivitySource, Meter and logger category of <c>vigil exec</c>.</summary>
    public const string InstrumentationName = "Vigil.Exec";

    /// <summary>The service name the records carry unless <c>--service</c> says otherwise.</summary>
    public const string DefaultServiceName = "vigil-exec";

    public const string TaskName = "cicd.pipeline.task.name";
    public const string TaskResult = "cicd.pipeline.task.run.result";
    public const string PipelineName = "cicd.pipeline.name";
    public const string PipelineRunId = "cicd.pipeline.run.id";
    public const string CiProvider = "vigil.cicd.provider";
    public const string ExecutableName = "process.executable.name";
    public const string Command = "process.command";
    public const string CommandArgs = "process.command_args";
    public const string CommandLine = "process.command_line";
    public const string ProcessId = "process.pid";
    public const string WorkingDirectory = "process.working_directory";
    public const string ExitCode = "process.exit.code";
    public const string Branch = "vcs.ref.head.name";
    public const string Revision = "vcs.ref.head.revision";
    public const string Dirty = "vigil.vcs.dirty";
    public const string CpuTimeSeconds = "vigil.exec.cpu_time";
    public const string PeakMemoryBytes = "vigil.exec.memory.peak";
    public const string OutputBytes = "vigil.exec.output.size";
    public const string OutputLines = "vigil.exec.output.lines";
    public const string ErrorLines = "vigil.exec.output.error_lines";
    public const string OutputBytesNotRecorded = "vigil.exec.output.not_recorded";
    public const string OutputLinesNotRecorded = "vigil.exec.output.lines_not_recorded";

    /// <summary>The semantic conventions' attribute for the stream a log line came on (<c>stdout</c>, <c>stderr</c>).</summary>
    public const string Stream = "log.iostream";

    /// <summary>The duration histogram (seconds), by task name and result.</summary>
    public const string DurationMetric = "vigil.exec.duration";

    /// <summary>The CPU time histogram (seconds), by task name.</summary>
    public const string CpuTimeMetric = "vigil.exec.cpu_time";

    /// <summary>The peak memory histogram (bytes), by task name.</summary>
    public const string PeakMemoryMetric = "vigil.exec.memory.peak";

    /// <summary>The result values of <see cref="TaskResult"/> the conventions define.</summary>
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Error = "error";
}
