namespace Vigil.MSBuild;

/// <summary>One warning or error the build reported, with where it points and its code (CS1002, MSB4018, NU1603).</summary>
internal sealed record BuildDiagnostic(bool IsError, string? Code, string? File, int Line, int Column, string? Message, string? ProjectFile, DateTime TimestampUtc)
{
    /// <summary>The line MSBuild's console logger would print: <c>Program.cs(3,5): error CS1002: ; expected</c>.</summary>
    public string Text()
    {
        var where = string.IsNullOrEmpty(File) ? string.Empty : Line > 0 ? $"{File}({Line},{Column}): " : $"{File}: ";
        var code = string.IsNullOrEmpty(Code) ? string.Empty : $" {Code}";
        return $"{where}{(IsError ? "error" : "warning")}{code}: {Message}";
    }
}
