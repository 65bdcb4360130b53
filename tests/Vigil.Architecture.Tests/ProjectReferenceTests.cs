using Vigil.Architecture.Tests.Support;

namespace Vigil.Architecture.Tests;

/// <summary>The shipped projects reference each other only as <see cref="ProjectLayers"/> allows.</summary>
public sealed class ProjectReferenceTests
{
    public static TheoryData<string> ShippedProjects() => new(SourceProject.All().Select(project => project.Name));

    [Fact]
    public void ShippedProjects_AreFound()
    {
        // A check over nothing passes; the SDK, the server and the CLI are always there.
        Assert.Superset(new HashSet<string>(["Vigil", "Vigil.Server", "Vigil.Cli"]), SourceProject.All().Select(project => project.Name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void Project_References_OnlyTheLayersItMay(string name)
    {
        var project = SourceProject.Named(name);
        Assert.True(
            ProjectLayers.MayReference.TryGetValue(name, out var allowed),
            $"src/{name} has no row in ProjectLayers.MayReference: add one (and to docs/architecture.md) saying what it may reference.");

        var ours = SourceProject.All().Select(other => other.Name).ToHashSet(StringComparer.Ordinal);
        var forbidden = project.ProjectReferences.Where(reference => ours.Contains(reference) && !allowed.Contains(reference)).ToList();
        Assert.True(
            forbidden.Count == 0,
            $"src/{name} references {string.Join(", ", forbidden)}; it may reference only {(allowed.Length == 0 ? "none of ours" : string.Join(", ", allowed))}.");
    }

    [Fact]
    public void Project_References_OutsideSrc_AreNone()
    {
        // A shipped package cannot depend on a test, benchmark or sample project.
        var outside = SourceProject.All()
            .SelectMany(project => project.ProjectReferenceFiles.Select(file => (project.Name, file)))
            .Where(reference => !reference.file.StartsWith(RepositoryRoot.Source + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(reference => $"src/{reference.Name} → {Path.GetRelativePath(RepositoryRoot.Path, reference.file)}")
            .ToList();
        Assert.Empty(outside);
    }
}
