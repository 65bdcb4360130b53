using System.Diagnostics;

namespace Vigil.Tracing;

/// <summary>
/// The trace a process was started in, read from <c>TRACEPARENT</c>, <c>TRACESTATE</c> and <c>BAGGAGE</c>: the
/// OpenTelemetry specification's environment variables as context carriers
/// (https://opentelemetry.io/docs/specs/otel/context/env-carriers/). <c>vigil exec</c> sets them for its child;
/// CI systems and other wrappers may too.
/// </summary>
internal sealed record EnvironmentTraceContext(ActivityContext Parent, IReadOnlyList<KeyValuePair<string, string>> Baggage)
{
    /// <summary>The W3C traceparent of the span the process runs in.</summary>
    public const string TraceParentVariable = "TRACEPARENT";

    /// <summary>The W3C tracestate that goes with it.</summary>
    public const string TraceStateVariable = "TRACESTATE";

    /// <summary>The W3C baggage of the trace.</summary>
    public const string BaggageVariable = "BAGGAGE";

    // The W3C baggage limits: 64 members, 8192 bytes (https://www.w3.org/TR/baggage/#limits).
    private const int MaxBaggageMembers = 64;
    private const int MaxBaggageLength = 8192;

    /// <summary>
    /// The context in <paramref name="environment"/>, or <see langword="null"/> when <c>TRACEPARENT</c> is absent or
    /// not a valid W3C traceparent (the specification says to ignore an invalid one, not to fail).
    /// </summary>
    public static EnvironmentTraceContext? Read(IReadOnlyDictionary<string, string?> environment)
    {
        var traceParent = environment.GetValueOrDefault(TraceParentVariable);
        if (string.IsNullOrWhiteSpace(traceParent))
        {
            return null;
        }

        var traceState = environment.GetValueOrDefault(TraceStateVariable);
        if (!ActivityContext.TryParse(traceParent.Trim(), string.IsNullOrWhiteSpace(traceState) ? null : traceState.Trim(), isRemote: true, out var parent))
        {
            return null;
        }

        return new EnvironmentTraceContext(parent, ParseBaggage(environment.GetValueOrDefault(BaggageVariable)));
    }

    /// <summary>The <c>TRACEPARENT</c> value for a child of <paramref name="activity"/>.</summary>
    public static string TraceParentOf(Activity activity) =>
        $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{((activity.ActivityTraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>Reads <c>key=value,key2=value2</c>, dropping properties (<c>;prop</c>) and malformed members.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> ParseBaggage(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxBaggageLength)
        {
            return [];
        }

        var members = new List<KeyValuePair<string, string>>();
        foreach (var member in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = member.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = pair[..equals].Trim();
            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Trim());
            if (key.Length > 0 && members.Count < MaxBaggageMembers)
            {
                members.Add(new(key, value));
            }
        }

        return members;
    }
}
