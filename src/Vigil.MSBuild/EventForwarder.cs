using Microsoft.Build.Framework;

namespace Vigil.MSBuild;

/// <summary>
/// The logger's forwarding half, on each node of a multi-node build: it passes on only what the central half reads
/// (build, project, target and — when asked — task starts and ends, warnings and errors), not the build's messages,
/// which are most of its events.
/// </summary>
internal static class EventForwarder
{
    public static void Attach(IEventSource source, IEventRedirector redirector, bool tasks)
    {
        void Forward(object sender, BuildEventArgs e) => redirector.ForwardEvent(e);

        source.BuildStarted += Forward;
        source.BuildFinished += Forward;
        source.ProjectStarted += Forward;
        source.ProjectFinished += Forward;
        source.TargetStarted += Forward;
        source.TargetFinished += Forward;
        source.ErrorRaised += Forward;
        source.WarningRaised += Forward;
        if (tasks)
        {
            source.TaskStarted += Forward;
            source.TaskFinished += Forward;
        }
    }
}
