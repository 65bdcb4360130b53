using Vigil.Server.Hosting;

namespace Vigil.Server.Tests.Hosting;

public sealed class VigilServerOptionsTests
{
    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var options = new VigilServerOptions { Bind = "not-an-address", GrpcPort = 70000, OtlpHttpPort = 5000, QueryPort = 5000, MaxRequestBodyBytes = 0 };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("store path", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--bind 'not-an-address'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--grpc-port 70000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("must differ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("body limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_WithStorePath_NoProblems()
    {
        Assert.Empty(new VigilServerOptions { StorePath = "vigil.db" }.Validate());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("localhost", false)]
    [InlineData("::1", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("192.168.1.10", true)]
    public void IsExposed_ByBindAddress(string bind, bool exposed)
    {
        Assert.Equal(exposed, new VigilServerOptions { Bind = bind }.IsExposed());
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => VigilServerApplication.Create(new VigilServerOptions { GrpcPort = -1 }));

        Assert.Contains("store path", e.Message, StringComparison.Ordinal);
        Assert.Contains("--grpc-port -1", e.Message, StringComparison.Ordinal);
    }
}
