using Microsoft.CodeAnalysis;

namespace Vigil.Architecture.Tests.Support;

/// <summary>
/// The compiler errors that mean a name did not bind to a type (a missing reference, a missing using): each one is a
/// dependency <see cref="FolderGraph"/> cannot see, so a project with any is not checked but failed.
/// </summary>
internal static class UnboundNames
{
    // CS0246: type or namespace not found; CS0234: not found in a namespace; CS0103: name does not exist in the context.
    private static readonly string[] s_ids = ["CS0246", "CS0234", "CS0103"];

    public static IReadOnlyList<string> In(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && s_ids.Contains(diagnostic.Id))
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
}
