namespace Vigil.Server.Tests.Sentry;

/// <summary>The Sentry SDK's hub is process-wide (<c>SentrySdk.Init</c>): tests that initialise it run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SentrySdkIsGlobal
{
    public const string Name = "Sentry SDK";
}
