using Microsoft.Build.Framework;

namespace Vigil.MSBuild;

/// <summary>
/// A project, target or task by its build event context: a project by node and project context, a target also by its
/// id, a task also by its id (ids are per node, so the node is part of the key on multi-node builds).
/// </summary>
internal readonly record struct SpanKey(int NodeId, int ProjectContextId, int TargetId, int TaskId)
{
    public static SpanKey Project(BuildEventContext context) => new(context.NodeId, context.ProjectContextId, BuildEventContext.InvalidTargetId, BuildEventContext.InvalidTaskId);

    public static SpanKey Target(BuildEventContext context) => new(context.NodeId, context.ProjectContextId, context.TargetId, BuildEventContext.InvalidTaskId);

    public static SpanKey Task(BuildEventContext context) => new(context.NodeId, context.ProjectContextId, context.TargetId, context.TaskId);

    /// <summary>The key one level up: a task's target, a target's project; null for a project.</summary>
    public SpanKey? Up() =>
        TaskId != BuildEventContext.InvalidTaskId ? this with { TaskId = BuildEventContext.InvalidTaskId }
        : TargetId != BuildEventContext.InvalidTargetId ? this with { TargetId = BuildEventContext.InvalidTargetId }
        : null;
}
