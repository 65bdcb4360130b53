namespace Vigil.Dashboard.Tests.Support;

/// <summary>Every await in these tests is bounded, so a hang fails the test instead of the run.</summary>
internal static class TaskTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Default);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Default);
}
