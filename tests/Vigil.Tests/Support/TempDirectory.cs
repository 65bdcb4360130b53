namespace Vigil.Tests.Support;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Write(string relativePath, string contents)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents);
    }

    /// <summary>The names of the files in the folder, sorted.</summary>
    public string[] FileNames(string? subfolder = null) =>
        [.. Directory.GetFiles(subfolder is null ? Path : Combine(subfolder)).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a sink that is shutting down; a leftover temp folder must not fail a test.
        }
    }
}
