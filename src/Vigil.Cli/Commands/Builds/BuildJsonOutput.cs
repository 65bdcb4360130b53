using Vigil.Storage.Builds;
using System.Text.Json;

namespace Vigil.Cli.Commands.Builds;

/// <summary><c>vigil builds --json</c>, <c>show --json</c> and <c>compare --json</c>: times in seconds, ids in full.</summary>
internal static class BuildJsonOutput
{
    public static void WriteList(TextWriter output, IReadOnlyList<BuildRecord> builds) => Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("builds");
        foreach (var build in builds)
        {
            WriteBuild(json, build, targets: false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteOne(TextWriter output, BuildRecord build) => Write(output, json => WriteBuild(json, build, targets: true));

    public static void WriteComparison(TextWriter output, BuildComparison comparison) => Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("a", comparison.Before.TraceId);
        json.WriteString("b", comparison.After.TraceId);
        json.WriteNumber("durationA", comparison.Before.Duration.TotalSeconds);
        json.WriteNumber("durationB", comparison.After.Duration.TotalSeconds);
        json.WriteNumber("delta", comparison.Delta.TotalSeconds);
        json.WriteStartArray("parts");
        foreach (var change in comparison.Changes)
        {
            json.WriteStartObject();
            json.WriteString("kind", change.Kind);
            json.WriteString("project", change.Project);
            if (change.Target is not null)
            {
                json.WriteString("target", change.Target);
            }

            json.WriteNumber("a", change.Before.TotalSeconds);
            json.WriteNumber("b", change.After.TotalSeconds);
            json.WriteNumber("delta", change.Delta.TotalSeconds);
            if (change.Percent is { } percent)
            {
                json.WriteNumber("percent", Math.Round(percent, 1));
            }
            else
            {
                json.WriteNull("percent");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteBuild(Utf8JsonWriter json, BuildRecord build, bool targets)
    {
        json.WriteStartObject();
        json.WriteString("traceId", build.TraceId);
        json.WriteString("name", build.Name);
        json.WriteString("start", build.StartTime.ToUniversalTime());
        json.WriteNumber("duration", build.Duration.TotalSeconds);
        json.WriteString("result", build.Result);
        json.WriteString("branch", build.Branch);
        json.WriteString("commit", build.Commit);
        WriteParts(json, "projects", build.SlowestProjects);
        if (targets)
        {
            WriteParts(json, "targets", build.Targets.OrderByDescending(t => t.Self));
        }

        json.WriteEndObject();
    }

    private static void WriteParts(Utf8JsonWriter json, string name, IEnumerable<BuildPart> parts)
    {
        json.WriteStartArray(name);
        foreach (var part in parts)
        {
            json.WriteStartObject();
            json.WriteString("project", part.Project);
            if (part.Target is not null)
            {
                json.WriteString("target", part.Target);
            }

            json.WriteNumber("self", part.Self.TotalSeconds);
            json.WriteNumber("wall", part.Wall.TotalSeconds);
            json.WriteNumber("spans", part.Spans);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            write(json);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
