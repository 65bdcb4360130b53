using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Vigil.Architecture.Tests.Support;

/// <summary>
/// A project's source compiled by Roslyn in memory, so every name binds to the type it means. The references are this
/// test's trusted platform assemblies (the framework, the packages and the src assemblies the test project references),
/// minus the project's own assembly, whose types come from the source instead.
/// </summary>
internal static class ProjectCompilation
{
    private static readonly Lazy<IReadOnlyList<string>> s_platformAssemblies = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList());

    // The configuration this test was built in, which built the src projects it references too.
    private static readonly string s_configuration =
        typeof(ProjectCompilation).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(SourceProject project)
    {
        var trees = project.SourceFiles
            .Select(file => Path.Combine(project.Directory, file))
            .Concat(BuildGenerated(project))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), s_parseOptions, path));

        var references = s_platformAssemblies.Value
            .Where(path => !string.Equals(Path.GetFileNameWithoutExtension(path), project.AssemblyName, StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path));

        return CSharpCompilation.Create(
            project.AssemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    // What the build writes next to the sources and compiles with them: the implicit global usings, the assembly
    // attributes (InternalsVisibleTo) and the protobuf types Grpc.Tools generates. Without them names would not bind.
    private static IEnumerable<string> BuildGenerated(SourceProject project)
    {
        var obj = Path.Combine(project.Directory, "obj", s_configuration);
        if (!Directory.Exists(obj))
        {
            throw new InvalidOperationException($"{obj} does not exist: build src/{project.Name} in {s_configuration} first (building this test project does).");
        }

        return Directory.EnumerateFiles(obj, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }
}
