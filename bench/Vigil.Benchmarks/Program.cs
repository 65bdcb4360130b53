using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Storage;

// "store" runs the storage load tool (see docs/performance.md, "Store"); anything else goes to
// BenchmarkDotNet.
if (args.Length > 0 && args[0] == "store")
{
    return await StoreLoadTool.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
