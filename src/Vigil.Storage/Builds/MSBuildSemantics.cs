namespace Vigil.Storage.Builds;

/// <summary>
/// The names the MSBuild logger records under; <c>vigil builds</c> and budgets read the records back by them. OpenTelemetry
/// has no build conventions, so they are <c>msbuild.*</c>, with the CI/CD result and the code location where the
/// conventions have a name (https://opentelemetry.io/docs/specs/semconv/registry/attributes/code/).
/// </summary>
internal static class MSBuildSemantics
{
    /// <summary>The ActivitySource, Meter and logger category of the logger.</summary>
    public const string InstrumentationName = "Vigil.MSBuild";

    /// <summary>The service name the records carry unless the <c>service</c> parameter says otherwise.</summary>
    public const string DefaultServiceName = "msbuild";

    /// <summary>What a span is: <see cref="BuildKind"/>, <see cref="ProjectKind"/>, <see cref="TargetKind"/> or <see cref="TaskKind"/>.</summary>
    public const string Kind = "msbuild.kind";
    public const string BuildKind = "build";
    public const string ProjectKind = "project";
    public const string TargetKind = "target";
    public const string TaskKind = "task";

    public const string ProjectFile = "msbuild.project.file";
    public const string ProjectName = "msbuild.project.name";
    public const string Targets = "msbuild.project.targets";
    public const string TargetName = "msbuild.target.name";
    public const string TaskName = "msbuild.task.name";
    public const string NodeId = "msbuild.node.id";
    public const string Warnings = "msbuild.warnings";
    public const string Errors = "msbuild.errors";

    /// <summary>The OpenTelemetry CI/CD result: <c>success</c> or <c>failure</c>.</summary>
    public const string Result = "cicd.pipeline.task.run.result";
    public const string Success = "success";
    public const string Failure = "failure";

    public const string DiagnosticCode = "msbuild.diagnostic.code";
    public const string FilePath = "code.file.path";
    public const string LineNumber = "code.line.number";
    public const string ColumnNumber = "code.column.number";

    /// <summary>The per-project duration histogram (seconds), by project name and result.</summary>
    public const string ProjectDurationMetric = "vigil.msbuild.project.duration";

    /// <summary>The whole build's duration histogram (seconds), by result.</summary>
    public const string BuildDurationMetric = "vigil.msbuild.build.duration";
}
