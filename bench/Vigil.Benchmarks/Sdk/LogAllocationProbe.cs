using Microsoft.Extensions.Logging;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// Bytes allocated per log call on the logging thread alone, for Vigil and bare OpenTelemetry with the
/// same exporter. BenchmarkDotNet's allocation column counts the whole process, export thread
/// included; this per-thread figure isolates what the application's own thread pays.
/// Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- log-alloc</c>.
/// </summary>
internal static class LogAllocationProbe
{
    private const int Calls = 200_000;

    public static int Run()
    {
        var sinks = new BenchSinks();
        using (var bare = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.AddProcessor(sinks.OpenTelemetryLogProcessor());
        })))
        {
            Report("bare OpenTelemetry", bare.CreateLogger("Bench"));
        }

        using (var vigil = BenchPipelines.StartVigil(sinks))
        {
            Report("Vigil", vigil.CreateLogger("Bench"));
        }

        using (var vigil = BenchPipelines.StartVigil(sinks, o => o.Redaction.Enabled = false))
        {
            Report("Vigil, redaction off", vigil.CreateLogger("Bench"));
        }

        return 0;
    }

#pragma warning disable CA1848, CA1873 // The extension style is measured on purpose: it is what much existing code does.
    private static void Report(string pipeline, ILogger logger)
    {
        Console.WriteLine($"{pipeline,-24} LoggerMessage: {PerCall(() => Log.OrderShipped(logger, 42, "eu")),4} B   LogInformation: {PerCall(() => logger.LogInformation(Log.ShippedTemplate, 42, "eu")),4} B");
    }
#pragma warning restore CA1848, CA1873

    private static long PerCall(Action log)
    {
        for (var i = 0; i < 10_000; i++)
        {
            log();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            log();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
