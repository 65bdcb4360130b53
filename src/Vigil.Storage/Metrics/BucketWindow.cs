namespace Vigil.Storage;

/// <summary>Maps a time to its step bucket in [From, To).</summary>
internal readonly record struct BucketWindow(DateTimeOffset From, DateTimeOffset To, TimeSpan Step)
{
    public int Count => (int)Math.Ceiling((To - From).Ticks / (double)Step.Ticks);

    /// <summary>The bucket of <paramref name="time"/>, or -1 when it is outside the range.</summary>
    public int IndexOf(DateTimeOffset time) =>
        time < From || time >= To ? -1 : (int)((time - From).Ticks / Step.Ticks);

    public DateTimeOffset StartOf(int index) => From + (Step * index);
}
