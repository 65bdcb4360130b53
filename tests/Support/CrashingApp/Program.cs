using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Vigil;

// Usage: CrashingApp <folder> [capture|no-capture]
//        CrashingApp <folder> flush <records>
// Starts Vigil with the file sink and the local store in <folder>, then throws an unhandled exception on a
// worker thread, which ends the process. Vigil is deliberately not disposed: whatever reaches the sinks got
// there through the unhandled-exception handler's own flush.
// With "flush", it instead logs <records> records and as many spans (each carrying its number n), flushes, prints
// "flushed true" (or false) and waits on standard input forever, for the test to kill it.
if (args.Length is < 1 or > 3 || (args.Length == 3) != (args.ElementAtOrDefault(1) == "flush"))
{
    Console.Error.WriteLine("usage: CrashingApp <folder> [capture|no-capture] | CrashingApp <folder> flush <records>");
    return 2;
}

var folder = args[0];
var capture = args.Length == 1 || args[1] == "capture";
var vigil = VigilSdk.Start(options =>
{
    options.Service.Name = "crashing-app";
    options.Console.Enabled = false;
    options.File.Enabled = true;
    options.File.Path = Path.Combine(folder, "app.jsonl");
    options.Store.Enabled = true;
    options.Store.Path = Path.Combine(folder, "vigil.db");
    options.Errors.CaptureUnhandled = capture;
    options.Tracing.Sources.Add(Flushed.SourceName);
});
GC.KeepAlive(vigil);

if (args.Length == 3)
{
    Flushed.Write(vigil, int.Parse(args[2], CultureInfo.InvariantCulture));
    Console.Out.WriteLine(vigil.Flush(TimeSpan.FromSeconds(30)) ? "flushed true" : "flushed false");
    Console.Out.Flush();

    // Killed here: nothing after the flush may be needed for the records to be in the store.
    _ = Console.In.ReadLine();
    return 0;
}

var worker = new Thread(() => Crash.Now("the payment queue is gone"));
worker.Start();
worker.Join();
return 0;

internal static class Crash
{
    public static void Now(string reason) => throw new InvalidOperationException(reason);
}

internal static partial class Flushed
{
    public const string SourceName = "CrashingApp.Flushed";

    private static readonly ActivitySource s_source = new(SourceName);

    public static void Write(VigilSdk vigil, int records)
    {
        var logger = vigil.CreateLogger("CrashingApp.Flushed");
        for (var n = 0; n < records; n++)
        {
            using var activity = s_source.StartActivity("flushed span");
            activity?.SetTag("n", n);
            Record(logger, n);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "flushed record {N}")]
    private static partial void Record(ILogger logger, int n);
}
