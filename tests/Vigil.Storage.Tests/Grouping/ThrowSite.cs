using System.Runtime.CompilerServices;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>One throw site reached from two callers, and generic code.</summary>
internal static class ThrowSite
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail(int id) => throw new KeyNotFoundException($"Key {id} is missing");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void FromCheckout(int id) => Fail(id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void FromRefund(int id) => Fail(id);
}
