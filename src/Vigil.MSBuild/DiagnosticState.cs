using Vigil.Storage.Builds;
using System.Collections;
using Vigil.Logging;

namespace Vigil.MSBuild;

/// <summary>
/// The state of a warning's or error's log record: the console logger's line is the body, and the code, file, line,
/// column and project are attributes, so a query can find every <c>CS1002</c> or everything in one file. Written when
/// the build ends, the record carries the moment MSBuild reported the diagnostic (<see cref="ITimestampedLogState"/>).
/// </summary>
internal readonly struct DiagnosticState(BuildDiagnostic diagnostic) : IReadOnlyList<KeyValuePair<string, object?>>, ITimestampedLogState
{
    private readonly KeyValuePair<string, object?>[] _attributes =
    [
        .. Some(MSBuildSemantics.DiagnosticCode, diagnostic.Code),
        .. Some(MSBuildSemantics.FilePath, diagnostic.File),
        .. diagnostic.Line > 0 ? [new KeyValuePair<string, object?>(MSBuildSemantics.LineNumber, diagnostic.Line)] : Array.Empty<KeyValuePair<string, object?>>(),
        .. diagnostic.Column > 0 ? [new KeyValuePair<string, object?>(MSBuildSemantics.ColumnNumber, diagnostic.Column)] : Array.Empty<KeyValuePair<string, object?>>(),
        .. Some(MSBuildSemantics.ProjectFile, diagnostic.ProjectFile),
    ];

    private readonly string _text = diagnostic.Text();

    public DateTime TimestampUtc => diagnostic.TimestampUtc;

    public int Count => _attributes.Length;

    public KeyValuePair<string, object?> this[int index] => _attributes[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_attributes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static string Format(DiagnosticState state, Exception? exception) => state._text;

    private static KeyValuePair<string, object?>[] Some(string key, string? value) =>
        string.IsNullOrEmpty(value) ? [] : [new(key, value)];
}
