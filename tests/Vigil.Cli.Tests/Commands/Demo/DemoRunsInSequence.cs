namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>
/// Test classes that run a demo to its end share this collection, so they never overlap: the
/// platform's ActivitySource listeners are process-wide, so two demos in one test process would each
/// see the other's spans, and one stopping would export the other's unfinished traces.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoRunsInSequence
{
    public const string Name = "vigil demo runs";
}
