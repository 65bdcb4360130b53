using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Alerts;
using Vigil.Benchmarks.Dashboard;
using Vigil.Benchmarks.Ingest;
using Vigil.Benchmarks.Sdk;
using Vigil.Benchmarks.Storage;

// Load tools first (see docs/performance.md): "store" the storage load tool, "ingest" the OTLP
// ingest load generator, "log-alloc" the per-thread log allocation probe, "writer-commits" the
// store writer's slow commit shapes, "store-spans" span writes against the raw insert ceiling, "log-codecs" the log
// block codec comparison, "log-ceiling" the log block insert ceiling by FTS5 setting, "ingest-server" the server process the
// ingest tool starts, "alerts" rule evaluation against the store, "alerts-notify" the delay from a firing alert to its
// webhook request, "dashboard" the dashboard in a browser over a million records. Anything else goes to BenchmarkDotNet.
switch (args.Length > 0 ? args[0] : null)
{
    case "store":
        return await StoreLoadTool.RunAsync(args[1..]);
    case "ingest":
        return await IngestLoadTool.RunAsync(args[1..]);
    case "store-spans":
        return await SpanWriteProbe.RunAsync(args[1..]);
    case "ingest-server":
        return await IngestServerHost.RunAsync(args[1..]);
    case "writer-commits":
        return await WriterCommitProbe.RunAsync();
    case "log-ceiling":
        return LogCeilingProbe.Run(args[1..]);
    case "log-codecs":
        return LogCodecProbe.Run(args[1..]);
    case "log-alloc":
        return LogAllocationProbe.Run();
    case "alerts":
        return await AlertBenchTool.RunAsync(args[1..]);
    case "dashboard":
        return await DashboardBenchTool.RunAsync(args[1..]);
    case "alerts-notify":
        return await NotifyLatencyTool.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
