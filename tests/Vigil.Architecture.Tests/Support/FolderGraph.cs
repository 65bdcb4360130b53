using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Vigil.Architecture.Tests.Support;

/// <summary>
/// Which folder of a project uses which: a file in folder A uses a type declared in folder B when one of its names binds
/// to that type, to a member of it (a method, an extension method, a property, a constructor through <c>new()</c>), or when
/// a <c>var</c> stands for it. Binding is semantic, so two same-named types in different folders are never confused.
/// Names in XML doc comments do not count: a <c>cref</c> is documentation, not a dependency.
/// </summary>
internal sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, FolderDependency>> _edges = new(StringComparer.Ordinal);

    private FolderGraph(IReadOnlyCollection<string> folders) => Folders = folders;

    /// <summary>Every folder that holds at least one source file.</summary>
    public IReadOnlyCollection<string> Folders { get; }

    /// <summary>The dependencies out of <paramref name="folder"/>, one (the first found, in file order) per target folder.</summary>
    public IReadOnlyCollection<FolderDependency> From(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets.Values : [];

    public IEnumerable<FolderDependency> Dependencies => _edges.Values.SelectMany(targets => targets.Values);

    public static FolderGraph Build(Compilation compilation, string projectDirectory)
    {
        string? FolderOf(SyntaxTree tree)
        {
            var relative = Path.GetRelativePath(projectDirectory, tree.FilePath).Replace('\\', '/');
            return relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
                ? null
                : Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? string.Empty;
        }

        var sourceTrees = compilation.SyntaxTrees
            .Select(tree => (tree, folder: FolderOf(tree)))
            .Where(entry => entry.folder is not null)
            .OrderBy(entry => entry.tree.FilePath, StringComparer.Ordinal)
            .ToList();
        var graph = new FolderGraph(sourceTrees.Select(entry => entry.folder!).Distinct().Order(StringComparer.Ordinal).ToList());

        foreach (var (tree, folder) in sourceTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var file = Path.GetRelativePath(projectDirectory, tree.FilePath).Replace('\\', '/');
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
                if (TypeUsedBy(symbol) is not { } type)
                {
                    continue;
                }

                // A partial type spread over folders belongs to each of them; a folder's use of its own type is no edge.
                var targets = type.DeclaringSyntaxReferences.Select(reference => FolderOf(reference.SyntaxTree)).OfType<string>().ToList();
                if (targets.Contains(folder!))
                {
                    continue;
                }

                foreach (var target in targets.Distinct())
                {
                    graph.Add(new FolderDependency(folder!, target, file, Name(type)));
                }
            }
        }

        return graph;
    }

    private static INamedTypeSymbol? TypeUsedBy(ISymbol? symbol) => symbol switch
    {
        INamedTypeSymbol type => type.OriginalDefinition,
        IMethodSymbol method => (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition,
        IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType?.OriginalDefinition,
        _ => null,
    };

    // Nested types keep their outer type's name (Outer.Inner), as they read in code.
    private static string Name(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? $"{Name(outer)}.{type.Name}" : type.Name;

    private void Add(FolderDependency dependency)
    {
        if (!_edges.TryGetValue(dependency.From, out var targets))
        {
            targets = new SortedDictionary<string, FolderDependency>(StringComparer.Ordinal);
            _edges.Add(dependency.From, targets);
        }

        targets.TryAdd(dependency.To, dependency);
    }
}
