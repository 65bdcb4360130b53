using Vigil.Storage.Builds;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Builds;

/// <summary>The tables <c>vigil builds</c>, <c>show</c> and <c>compare</c> print.</summary>
internal static class BuildTextOutput
{
    /// <summary>The width of the waterfall, in characters (as <c>vigil traces ID</c> draws it).</summary>
    public const int BarWidth = 32;

    private const int SlowestShown = 3;

    public static void WriteList(CliContext context, Palette palette, IReadOnlyList<BuildRecord> builds)
    {
        if (builds.Count == 0)
        {
            context.Stdout.WriteLine("No builds recorded. Record one with: vigil exec -- dotnet build");
            return;
        }

        var now = context.Clock.GetUtcNow();
        var table = new TextTable("STARTED", "TRACE", "NAME", ">DURATION", "RESULT", "BRANCH", "COMMIT", "SLOWEST PROJECTS");
        foreach (var build in builds)
        {
            var slowest = string.Join(", ", build.SlowestProjects.Take(SlowestShown).Select(p => $"{p.Project} {DurationFormatter.Format(p.Self)}"));
            table.AddRow(
                (RelativeTimeFormatter.Relative(build.StartTime, now), palette.Dim),
                (build.TraceId, palette.Dim),
                (build.Name, Style.Plain),
                (DurationFormatter.Format(build.Duration), Style.Plain),
                (build.Result, Failed(build) ? palette.Error : palette.Ok),
                (build.Branch ?? "-", Style.Plain),
                (build.Commit is { Length: > 8 } commit ? commit[..8] : build.Commit ?? "-", Style.Plain),
                (slowest.Length == 0 ? "-" : slowest, Style.Plain));
        }

        table.Write(context.Stdout, palette);
    }

    public static void WriteOne(CliContext context, Palette palette, BuildRecord build, int targetsPerProject)
    {
        context.Stdout.Write(Header(build, palette));
        context.Stdout.WriteLine();
        if (build.Projects.Count == 0)
        {
            context.Stdout.WriteLine("No projects recorded: the command was no MSBuild build, or ran with --no-msbuild-logger.");
            return;
        }

        var block = context.Stdout.Profile.Capabilities.Unicode ? WaterfallBar.Block : WaterfallBar.AsciiBlock;
        var table = new TextTable("PROJECT / TARGET", ">OWN TIME", ">WALL", ">SPANS", "TIMELINE");
        foreach (var project in build.SlowestProjects)
        {
            table.AddRow(Row(build, project, project.Project, Style.Plain, palette, block));
            foreach (var target in build.Targets.Where(t => t.Project == project.Project).OrderByDescending(t => t.Self).Take(targetsPerProject))
            {
                table.AddRow(Row(build, target, "  " + target.Target, palette.Dim, palette, block));
            }
        }

        table.Write(context.Stdout, palette);
    }

    public static void WriteComparison(CliContext context, Palette palette, BuildComparison comparison, int limit)
    {
        var sign = comparison.Delta >= TimeSpan.Zero ? "+" : "-";
        context.Stdout.Write(new StyledLine()
            .Append($"A {comparison.Before.TraceId}  {DurationFormatter.Format(comparison.Before.Duration)}", palette.Header).Append("  ->  ")
            .Append($"B {comparison.After.TraceId}  {DurationFormatter.Format(comparison.After.Duration)}", palette.Header)
            .Append($"  ({sign}{DurationFormatter.Format(comparison.Delta.Duration())}{Percent(comparison.Before.Duration, comparison.Delta)})", comparison.Delta > TimeSpan.Zero ? palette.Error : palette.Ok));
        var slower = comparison.Slower.ToList();
        if (slower.Count == 0)
        {
            context.Stdout.WriteLine("No project or target got slower.");
            return;
        }

        var table = new TextTable("KIND", "PROJECT / TARGET", ">A", ">B", ">SLOWER BY", ">%");
        foreach (var change in slower.Take(limit))
        {
            table.AddRow(
                (change.Kind, palette.Dim),
                (change.Key, Style.Plain),
                (DurationFormatter.Format(change.Before), Style.Plain),
                (DurationFormatter.Format(change.After), Style.Plain),
                ("+" + DurationFormatter.Format(change.Delta), palette.Error),
                (change.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"+{p:0.#}%") : "new", palette.Error));
        }

        table.Write(context.Stdout, palette);
        context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{slower.Count} of {comparison.Changes.Count} projects and targets slower{(slower.Count > limit ? $" ({limit} shown; --limit for more)" : string.Empty)}."));
    }

    private static (string, Style)[] Row(BuildRecord build, BuildPart part, string name, Style style, Palette palette, char block) =>
    [
        (name, style),
        (DurationFormatter.Format(part.Self), Style.Plain),
        (DurationFormatter.Format(part.Wall), palette.Dim),
        (part.Spans.ToString(CultureInfo.InvariantCulture), palette.Dim),
        ("|" + WaterfallBar.Draw(build.StartTime, build.Duration, part.FirstStart, part.LastEnd - part.FirstStart, BarWidth, block) + "|", palette.Bar),
    ];

    private static StyledLine Header(BuildRecord build, Palette palette)
    {
        var line = new StyledLine()
            .Append(build.Name, palette.Header).Append("  ")
            .Append(build.Result, Failed(build) ? palette.Error : palette.Ok)
            .Append($"  {DurationFormatter.Format(build.Duration)}  ")
            .Append(build.TraceId, palette.Dim);
        if (build.Branch is not null || build.Commit is not null)
        {
            line.Append($"  {build.Branch ?? "-"} {(build.Commit is { Length: > 8 } c ? c[..8] : build.Commit ?? string.Empty)}");
        }

        return line;
    }

    private static bool Failed(BuildRecord build) => build.Result is not "success";

    private static string Percent(TimeSpan before, TimeSpan delta) =>
        before > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $", {(delta >= TimeSpan.Zero ? "+" : string.Empty)}{delta / before * 100:0.#}%") : string.Empty;
}
