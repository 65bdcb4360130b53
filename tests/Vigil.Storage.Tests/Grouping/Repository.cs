using System.Runtime.CompilerServices;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Generic code: the frame reads <c>Repository`1.Find[TKey](TKey key)</c>.</summary>
internal sealed class Repository<T>
{
    private readonly string _name = typeof(T).Name;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public T Find<TKey>(TKey key) => throw new KeyNotFoundException($"No {_name} with key {key}");
}
