using Vigil;

// Usage: CrashingApp <folder> [capture|no-capture]
// Starts Vigil with the file sink and the local store in <folder>, then throws an unhandled exception on a
// worker thread, which ends the process. Vigil is deliberately not disposed: whatever reaches the sinks got
// there through the unhandled-exception handler's own flush.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: CrashingApp <folder> [capture|no-capture]");
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
});
GC.KeepAlive(vigil);

var worker = new Thread(() => Crash.Now("the payment queue is gone"));
worker.Start();
worker.Join();
return 0;

internal static class Crash
{
    public static void Now(string reason) => throw new InvalidOperationException(reason);
}
