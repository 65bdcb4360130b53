using System.CommandLine;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// <c>--grpc-port</c>, <c>--otlp-port</c> and <c>--port</c>, shared by <c>vigil serve</c> and
/// <c>vigil demo</c> so both pick (and explain) their listeners the same way.
/// </summary>
internal sealed class ServerPortOptions
{
    private readonly Option<int?> _grpcPort = Port("--grpc-port", "OTLP/gRPC", VigilServerOptions.DefaultGrpcPort);
    private readonly Option<int?> _otlpPort = Port("--otlp-port", "OTLP/HTTP", VigilServerOptions.DefaultOtlpHttpPort);
    private readonly Option<int?> _queryPort = Port("--port", "the query API", VigilServerOptions.DefaultQueryPort);

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_grpcPort);
        command.Options.Add(_otlpPort);
        command.Options.Add(_queryPort);
    }

    /// <summary>Copies the parsed ports into <paramref name="options"/>.</summary>
    public void ApplyTo(ParseResult parseResult, VigilServerOptions options)
    {
        options.GrpcPort = parseResult.GetValue(_grpcPort) ?? VigilServerOptions.DefaultGrpcPort;
        options.OtlpHttpPort = parseResult.GetValue(_otlpPort) ?? VigilServerOptions.DefaultOtlpHttpPort;
        options.QueryPort = parseResult.GetValue(_queryPort) ?? VigilServerOptions.DefaultQueryPort;
    }

    // The default is applied in ApplyTo, not by a DefaultValueFactory: help would then print it twice, once in the
    // description (which also says what 0 does) and once as "[default: 4317]".
    private static Option<int?> Port(string name, string what, int defaultPort) => new(name)
    {
        Description = $"The port for {what} (default: {defaultPort}; 0 picks a free port).",
        HelpName = "PORT",
    };
}
