using System.Reflection;
using Vigil.Storage;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// A store whose writes cost nothing: the ingest server over it shows its own share of the work (sockets, HTTP,
/// decoding, mapping, queueing), the ceiling the server could reach with an infinitely fast store. Every other call goes
/// to a real (empty) store so that the rest of the server behaves as usual; a proxy, so it follows the contracts as
/// they change. Public and unsealed: DispatchProxy derives the proxy type from it at run time.
/// </summary>
public class DiscardingStore : DispatchProxy
{
    private ITelemetryStore? _inner;

    internal static ITelemetryStore Over(ITelemetryStore inner)
    {
        var store = Create<ITelemetryStore, DiscardingStore>();
        ((DiscardingStore)(object)store)._inner = inner;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(ITelemetryWriter.WriteAsync) && targetMethod.DeclaringType == typeof(ITelemetryWriter))
        {
            return Task.CompletedTask;
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
