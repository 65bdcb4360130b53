namespace Vigil.Server.Tests.Api;

/// <summary>Every await in these tests is bounded, so a hang fails the test instead of the run.</summary>
internal static class TimeoutExtensions
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(s_timeout);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(s_timeout);
}
