namespace Vigil.Cli.Tests.Commands.Builds;

/// <summary>
/// A minimal real build for the MSBuild logger's tests: an App project that references a Lib project, no packages, a
/// nuget.config with no sources (restore stays offline), and the environment that keeps no MSBuild node, build server
/// or compiler server running after the build.
/// </summary>
internal static class GeneratedSolution
{
    /// <summary>MSBuild arguments that leave no process behind (node reuse, the shared compiler).</summary>
    public static readonly string[] NoLingeringProcesses = ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    /// <summary>Writes App/App.csproj and Lib/Lib.csproj; when <paramref name="broken"/>, Lib/Broken.cs fails to compile there.</summary>
    public static void Write(TempDirectory directory, bool broken)
    {
        directory.Write("nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        directory.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        directory.Write("Lib/Greeting.cs", "namespace Lib;\n\npublic static class Greeting { public static string Text => \"hi\"; }\n");
        directory.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>\n");
        directory.Write("App/Program.cs", "System.Console.WriteLine(Lib.Greeting.Text);\n");
        if (broken)
        {
            // CS1002 (; expected) on line 3.
            directory.Write("Lib/Broken.cs", "namespace Lib;\n\npublic static class Broken { static int X = 1 }\n");
        }
    }

    /// <summary>The environment a build child gets: no MSBuild server or node reuse, none of the test host's MSBuild variables.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };
}
