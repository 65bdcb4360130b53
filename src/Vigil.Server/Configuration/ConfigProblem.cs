namespace Vigil.Server.Configuration;

/// <summary>One problem in the server's configuration: the key path (<c>Probes:1:Url</c>) and what is wrong there.</summary>
/// <param name="Path">The key path, colon-separated like .NET configuration keys.</param>
/// <param name="Message">The bad value and what is allowed.</param>
internal readonly record struct ConfigProblem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
