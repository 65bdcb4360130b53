using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Ingest;
using Vigil.Benchmarks.Storage;

// "store" runs the storage load tool (see docs/performance.md, "Store"); anything else goes to
// BenchmarkDotNet.
if (args.Length > 0 && args[0] == "store")
{
    return await StoreLoadTool.RunAsync(args[1..]);
}

// "ingest" runs the OTLP ingest load generator (see docs/performance.md, "Server ingest").
if (args.Length > 0 && args[0] == "ingest")
{
    return await IngestLoadTool.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
