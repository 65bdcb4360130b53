namespace Vigil.Architecture.Tests.Support;

/// <summary>
/// The cycles of a <see cref="FolderGraph"/>, each as "A → B → A (A/File.cs uses B.Type; B/Other.cs uses A.Thing)".
/// It finds the strongly connected components (Tarjan) and, inside each, the shortest cycle through each of its folders,
/// so a tangle of three folders shows every loop that has to be cut, not only the first.
/// </summary>
internal static class FolderCycles
{
    public static IReadOnlyList<string> Describe(FolderGraph graph)
    {
        var cycles = new List<IReadOnlyList<FolderDependency>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in StronglyConnected(graph).Where(component => component.Count > 1))
        {
            foreach (var start in component.Order(StringComparer.Ordinal))
            {
                var cycle = ShortestCycle(graph, start, component);
                // The same loop found from another of its folders: one key per set of edges.
                var key = string.Join("|", cycle.Select(edge => edge.From + ">" + edge.To).Order(StringComparer.Ordinal));
                if (seen.Add(key))
                {
                    cycles.Add(cycle);
                }
            }
        }

        return cycles.Select(Format).ToList();
    }

    private static string Format(IReadOnlyList<FolderDependency> cycle) =>
        string.Join(" → ", cycle.Select(edge => FolderDependency.Show(edge.From)).Append(FolderDependency.Show(cycle[0].From)))
        + " (" + string.Join("; ", cycle.Select(edge => edge.Evidence)) + ")";

    // Breadth-first from start's successors back to start, staying inside its component (a cycle cannot leave it).
    private static List<FolderDependency> ShortestCycle(FolderGraph graph, string start, HashSet<string> component)
    {
        var cameBy = new Dictionary<string, FolderDependency>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var folder))
        {
            foreach (var edge in graph.From(folder).Where(edge => component.Contains(edge.To)))
            {
                if (edge.To == start)
                {
                    var path = new List<FolderDependency> { edge };
                    for (var at = folder; at != start; at = cameBy[at].From)
                    {
                        path.Add(cameBy[at]);
                    }

                    path.Reverse();
                    return path;
                }

                if (cameBy.TryAdd(edge.To, edge))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        throw new InvalidOperationException($"{start} is in a strongly connected component but on no cycle.");
    }

    // Tarjan's algorithm; a project has a few dozen folders, so recursion depth is no concern.
    private static List<HashSet<string>> StronglyConnected(FolderGraph graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<HashSet<string>>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in graph.From(folder).Select(edge => edge.To))
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], nextIndex);
                }
            }

            if (low[folder] == index[folder])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != folder);
                components.Add(component);
            }
        }

        foreach (var folder in graph.Folders.Where(folder => !index.ContainsKey(folder)))
        {
            Visit(folder);
        }

        return components;
    }
}
