using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Sdk;
using Vigil.Benchmarks.Storage;

// "store" runs the storage load tool, "log-alloc" the per-thread log allocation probe (see
// docs/performance.md); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "store")
{
    return await StoreLoadTool.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "log-alloc")
{
    return LogAllocationProbe.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
