using System.Globalization;
using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>One log record as an assistant reads it: the fields that answer questions, long text cut.</summary>
internal sealed record LogRecordView
{
    /// <summary>The most attributes shown per record.</summary>
    public const int MaxAttributes = 12;

    public required long Sequence { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Level { get; init; }

    public string? Service { get; init; }

    public string? Body { get; init; }

    public string? TraceId { get; init; }

    public string? Exception { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public static LogRecordView Of(LogEntry entry) => new()
    {
        Sequence = entry.Sequence,
        Time = entry.Timestamp,
        Level = entry.SeverityText ?? entry.SeverityNumber.ToString(CultureInfo.InvariantCulture),
        Service = entry.Resource.ServiceName,
        Body = Shortened.Text(entry.Body),
        TraceId = entry.TraceId,
        Exception = entry.ExceptionType is null ? null : Shortened.Text($"{entry.ExceptionType}: {entry.ExceptionMessage}"),
        Attributes = entry.Attributes.Count == 0 ? null : AttributeText.Of(entry.Attributes, MaxAttributes),
    };
}
