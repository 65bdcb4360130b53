namespace Vigil.Testing;

/// <summary>A fresh folder of its own under the system temp folder for one test, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file inside the folder, creating the folders on its path.</summary>
    public void Write(string relativePath, string contents)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents);
    }

    /// <summary>The names of the files in the folder (or one of its subfolders), sorted.</summary>
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
            // A file still open by a store or sink that is shutting down (or in a failing test) must not
            // fail the test or hide the real failure; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
