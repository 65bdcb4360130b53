using Vigil.Architecture.Tests.Support;

namespace Vigil.Architecture.Tests;

/// <summary>
/// No shipped project has folders that use each other. A folder is a layer of its project: when A uses B and B uses A,
/// neither can be read, tested or moved to its own project without the other (issue 12, item 7).
/// </summary>
public sealed class FolderCycleTests
{
    public static TheoryData<string> ShippedProjects() => new(SourceProject.All().Select(project => project.Name));

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void Project_Folders_FormNoCycle(string name)
    {
        var project = SourceProject.Named(name);
        var compilation = ProjectCompilation.Create(project);
        var graph = FolderGraph.Build(compilation, project.Directory);

        // Guard against a check that passes because it saw nothing: names that do not bind are edges it cannot see.
        Assert.Empty(UnboundNames.In(compilation));
        if (graph.Folders.Count > 1)
        {
            Assert.NotEmpty(graph.Dependencies);
        }

        var cycles = FolderCycles.Describe(graph);
        Assert.True(cycles.Count == 0, $"src/{name} has folder cycles:\n  " + string.Join("\n  ", cycles));
    }
}
