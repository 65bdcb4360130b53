using System.Reflection;
using Vigil.Resources;

namespace Vigil.Tests.Resources;

public sealed class ServiceResourceTests
{
    [Fact]
    public void Build_NothingConfigured_UsesEntryAssemblyHostAndInstance()
    {
        var assembly = typeof(ServiceResourceTests).Assembly;

        var attributes = ServiceResource.Build(new ServiceOptions(), "instance-1", assembly);

        Assert.Equal(assembly.GetName().Name, attributes["service.name"]);
        Assert.Equal(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, attributes["service.version"]);
        Assert.Equal("instance-1", attributes["service.instance.id"]);
        Assert.Equal(Environment.MachineName, attributes["host.name"]);
        Assert.False(attributes.ContainsKey("deployment.environment"));
    }

    [Fact]
    public void Build_NamedOptions_WinOverResourceAttributes()
    {
        var service = new ServiceOptions { Name = "orders", Version = "2.0.0", Environment = "prod" };
        service.Attributes["service.name"] = "from-resource-attributes";
        service.Attributes["deployment.environment"] = "dev";
        service.Attributes["team"] = "checkout";

        var attributes = ServiceResource.Build(service, "i", entryAssembly: null);

        Assert.Equal("orders", attributes["service.name"]);
        Assert.Equal("2.0.0", attributes["service.version"]);
        Assert.Equal("prod", attributes["deployment.environment"]);
        Assert.Equal("checkout", attributes["team"]);
    }

    [Fact]
    public void Build_ServiceNameOnlyInResourceAttributes_WinsOverEntryAssembly()
    {
        var service = new ServiceOptions();
        service.Attributes["service.name"] = "from-resource-attributes";

        var attributes = ServiceResource.Build(service, "i", typeof(ServiceResourceTests).Assembly);

        Assert.Equal("from-resource-attributes", attributes["service.name"]);
    }

    [Fact]
    public void Build_NoEntryAssembly_UsesUnknownService()
    {
        Assert.Equal("unknown_service", ServiceResource.Build(new ServiceOptions(), "i", entryAssembly: null)["service.name"]);
    }
}
