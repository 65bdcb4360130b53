using System.Xml.Linq;

namespace Vigil.Architecture.Tests.Support;

/// <summary>One shipped project, src/&lt;Name&gt;/&lt;Name&gt;.csproj, read as files: its sources and its project references.</summary>
internal sealed class SourceProject
{
    private readonly XDocument _project;

    private SourceProject(string directory, string projectFile)
    {
        Directory = directory;
        Name = System.IO.Path.GetFileNameWithoutExtension(projectFile);
        _project = XDocument.Load(projectFile);
    }

    /// <summary>The project's name, which is also its folder under src/.</summary>
    public string Name { get; }

    public string Directory { get; }

    /// <summary>The assembly the project builds (AssemblyName, or the project's name as MSBuild defaults it).</summary>
    public string AssemblyName => Property("AssemblyName") ?? Name;

    /// <summary>The full paths of the project files this one references (its ProjectReference items).</summary>
    public IReadOnlyList<string> ProjectReferenceFiles =>
        _project.Descendants("ProjectReference")
            .Select(item => (string?)item.Attribute("Include"))
            .OfType<string>()
            .Select(include => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, include.Replace('\\', '/'))))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The names of the projects this one references (the file names of its ProjectReference items).</summary>
    public IReadOnlyList<string> ProjectReferences =>
        ProjectReferenceFiles.Select(System.IO.Path.GetFileNameWithoutExtension).OfType<string>().ToList();

    /// <summary>The project's own .cs files, as paths relative to its folder with '/' separators; build output excluded.</summary>
    public IReadOnlyList<string> SourceFiles =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => System.IO.Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every src/*/*.csproj whose file is named after its folder, in name order.</summary>
    public static IReadOnlyList<SourceProject> All() =>
        System.IO.Directory.EnumerateDirectories(RepositoryRoot.Source)
            .Select(directory => (directory, file: System.IO.Path.Combine(directory, System.IO.Path.GetFileName(directory) + ".csproj")))
            .Where(candidate => File.Exists(candidate.file))
            .Select(candidate => new SourceProject(candidate.directory, candidate.file))
            .OrderBy(project => project.Name, StringComparer.Ordinal)
            .ToList();

    public static SourceProject Named(string name) =>
        All().SingleOrDefault(project => project.Name == name)
        ?? throw new InvalidOperationException($"No project src/{name}/{name}.csproj.");

    public override string ToString() => Name;

    private string? Property(string name) =>
        _project.Descendants(name).Select(element => element.Value.Trim()).FirstOrDefault(value => value.Length > 0);
}
