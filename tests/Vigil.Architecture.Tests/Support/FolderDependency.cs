namespace Vigil.Architecture.Tests.Support;

/// <summary>
/// Folder <paramref name="From"/> depends on folder <paramref name="To"/>: <paramref name="File"/> (in From) uses
/// <paramref name="Type"/> (declared in To). Folders are paths relative to the project, "" for its root.
/// </summary>
internal sealed record FolderDependency(string From, string To, string File, string Type)
{
    /// <summary>How a folder is named in messages: its path, or "(root)" for the project's own folder.</summary>
    public static string Show(string folder) => folder.Length == 0 ? "(root)" : folder;

    /// <summary>"A/File.cs uses B.Type".</summary>
    public string Evidence => $"{File} uses {Show(To)}.{Type}";
}
