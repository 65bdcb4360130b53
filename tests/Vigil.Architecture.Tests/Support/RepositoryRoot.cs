namespace Vigil.Architecture.Tests.Support;

/// <summary>The checkout these tests read: the nearest folder above the test binaries that holds Vigil.slnx.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    public static string Source => System.IO.Path.Combine(Path, "src");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Vigil.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Vigil.slnx above {AppContext.BaseDirectory}: these tests read the repository's src/ folder.");
    }
}
