using System.Diagnostics;
using System.Reflection;

namespace Vigil.Cli.Tests.Packaging;

/// <summary>
/// What <c>dotnet publish</c> (and so <c>dotnet pack</c>, whose tool package is the publish output) lays out for the
/// CLI: every assembly the build output runs with, beside vigil and again under <c>msbuild/</c> for the logger. The
/// logger's folder holds files of the same names as vigil's own (Vigil.Storage.dll, Vigil.Model.dll...); added before
/// the SDK resolved the publish list's conflicts, they once took vigil's own copies out, and the packed tool could not
/// start. The build output is the second source: it runs, so what it holds is what a published vigil needs.
/// </summary>
public sealed class PublishLayoutTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("vigil-publish-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task Publish_OfTheBuiltCli_HoldsEveryAssemblyOfTheBuildOutputAndTheLoggersFolder()
    {
        var root = Metadata("RepositoryRoot");
        var built = Path.GetDirectoryName(Metadata("VigilCliExecutable"))!;

        var (exitCode, output) = await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "Vigil.Cli"), "-c", "Release", "--no-build", "-o", _output, "-nologo"]);
        Assert.True(exitCode == 0, output);

        Assert.Equal(Assemblies(built), Assemblies(_output));
        Assert.Equal(Assemblies(Path.Combine(built, "msbuild")), Assemblies(Path.Combine(_output, "msbuild")));
        Assert.Contains("Vigil.Storage.dll", Assemblies(_output));

        // And it starts: the published vigil loads what its first command needs.
        var (versionExit, version) = await RunAsync(Path.Combine(_output, "Vigil.Cli"), ["--version"]);
        Assert.True(versionExit == 0, version);
    }

    private static string[] Assemblies(string directory) =>
        [.. Directory.GetFiles(directory, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string Metadata(string key) =>
        typeof(PublishLayoutTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
