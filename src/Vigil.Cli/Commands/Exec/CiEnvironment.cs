namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Which CI system runs this command, read from the variables each one documents, with its run id and
/// pipeline name where it gives them.
/// </summary>
internal sealed record CiEnvironment(string Provider, string? RunId, string? PipelineName)
{
    // Provider, the variable that says it is running (with the value it must have, or null for "any"), run id, pipeline.
    private static readonly (string Provider, string Marker, string? MarkerValue, string RunId, string Pipeline)[] s_providers =
    [
        ("github_actions", "GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "GITHUB_WORKFLOW"),
        ("azure_pipelines", "TF_BUILD", "true", "BUILD_BUILDID", "BUILD_DEFINITIONNAME"),
        ("gitlab", "GITLAB_CI", "true", "CI_PIPELINE_ID", "CI_PROJECT_PATH"),
        ("jenkins", "JENKINS_URL", null, "BUILD_NUMBER", "JOB_NAME"),
        ("circleci", "CIRCLECI", "true", "CIRCLE_WORKFLOW_ID", "CIRCLE_PROJECT_REPONAME"),
        ("buildkite", "BUILDKITE", "true", "BUILDKITE_BUILD_ID", "BUILDKITE_PIPELINE_SLUG"),
        ("teamcity", "TEAMCITY_VERSION", null, "BUILD_NUMBER", "TEAMCITY_BUILDCONF_NAME"),
    ];

    /// <summary>The CI system, or <see langword="null"/> outside CI. <c>CI=true</c> alone gives provider <c>unknown</c>.</summary>
    public static CiEnvironment? Detect(Func<string, string?> variable)
    {
        foreach (var (provider, marker, markerValue, runId, pipeline) in s_providers)
        {
            var value = variable(marker);
            if (value is not null && (markerValue is null || string.Equals(value, markerValue, StringComparison.OrdinalIgnoreCase)))
            {
                return new CiEnvironment(provider, variable(runId), variable(pipeline));
            }
        }

        return string.Equals(variable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? new CiEnvironment("unknown", null, null) : null;
    }
}
