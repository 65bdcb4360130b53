using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Ingest;
using Vigil.Benchmarks.Sdk;
using Vigil.Benchmarks.Storage;

// Load tools first (see docs/performance.md): "store" the storage load tool, "ingest" the OTLP
// ingest load generator, "log-alloc" the per-thread log allocation probe, "writer-commits" the
// store writer's slow commit shapes. Anything else goes to BenchmarkDotNet.
switch (args.Length > 0 ? args[0] : null)
{
    case "store":
        return await StoreLoadTool.RunAsync(args[1..]);
    case "ingest":
        return await IngestLoadTool.RunAsync(args[1..]);
    case "ingest-server":
        return await IngestServerHost.RunAsync(args[1..]);
    case "writer-commits":
        return await WriterCommitProbe.RunAsync();
    case "log-alloc":
        return LogAllocationProbe.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
