using System.Runtime.CompilerServices;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Real code paths that throw, one per shape the fingerprinter must see through.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2201:Do not raise reserved exception types", Justification = "The corpus throws what applications throw.")]
internal static class Corpus
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task OuterAsync(int id) => await MiddleAsync(id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task MiddleAsync(int id)
    {
        await Task.Yield();
        await InnerAsync(id);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task InnerAsync(int id)
    {
        await Task.Yield();
        throw new InvalidOperationException($"Order {id} not found");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Lambda(int id)
    {
        Func<int, int> parse = x => x > 0 ? throw new FormatException($"bad {x}") : x;
        return parse(id);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ClosureLambda(int id)
    {
        var items = new List<int> { id };
        return items.Select(x => x + id > 0 ? throw new FormatException($"bad {x}") : x).Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string LocalFunction(int id)
    {
        return Inner(id);

        [MethodImpl(MethodImplOptions.NoInlining)]
        static string Inner(int value) => throw new ArgumentOutOfRangeException(nameof(value), value, "negative");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Wrapped(string text)
    {
        try
        {
            _ = int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Could not read the setting", ex);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Aggregate()
    {
        var tasks = new[]
        {
            Task.Run(() => ThrowSite.Fail(1)),
            Task.Run(() => Lambda(3)),
        };
        Task.WaitAll(tasks);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SameFailureTimes(int count) =>
        Task.WaitAll([.. Enumerable.Range(0, count).Select(i => Task.Run(() => ThrowSite.Fail(i)))]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowKind(bool argument) =>
        throw (argument ? new ArgumentException("bad input") : new InvalidOperationException("bad input"));
}
