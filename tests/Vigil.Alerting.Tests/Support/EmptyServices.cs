namespace Vigil.Alerting.Tests.Support;

/// <summary>A service provider with nothing in it: notifiers built in tests resolve no optional service.</summary>
internal sealed class EmptyServices : IServiceProvider
{
    public static EmptyServices Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
