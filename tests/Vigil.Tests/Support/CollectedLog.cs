using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Vigil.Tests.Support;

/// <summary>A copy of what a sink saw in one log record (the SDK reuses its records).</summary>
internal sealed record CollectedLog(
    string? Category,
    LogLevel Level,
    string? Message,
    IReadOnlyDictionary<string, object?> Attributes,
    ActivityTraceId TraceId,
    ActivitySpanId SpanId,
    Exception? Exception,
    string? EventName = null);
