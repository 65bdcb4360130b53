using System.Diagnostics;
using System.Globalization;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// <c>log-codecs</c>: builds the store benchmark's records into blocks once (batches of 1,000, per service), then
/// compresses and decompresses every block with each platform codec and level, and prints compressed bytes per
/// record and CPU per record, so the store's default codec is a measured choice.
/// </summary>
internal static class LogCodecProbe
{
    public static int Run(string[] args)
    {
        var records = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var data = new LoadData(records);
        var built = new List<byte[]>();
        using (var builder = new LogBlockBuilder(new LogBlockCompression(LogBlockCodec.None, 0)))
        {
            for (var done = 0L; done < records; done += 1000)
            {
                var logs = Enumerable.Range(0, (int)Math.Min(1000, records - done)).Select(i => data.Log(done + i)).ToArray();
                foreach (var group in logs.GroupBy(l => l.Resource.ServiceName))
                {
                    foreach (var log in group)
                    {
                        builder.Add(log, group.Key, done, 1, 1, log.TraceId, log.SpanId);
                    }

                    built.Add(LogBlockCompression.Decompress(builder.Build().Data));
                }
            }
        }

        var raw = built.Sum(b => (long)b.Length);
        Console.WriteLine($"# log block codecs: {records:N0} records in {built.Count:N0} blocks, {raw / (double)records:F1} bytes/record built (uncompressed columns)");
        Console.WriteLine("| codec | bytes/record | compress µs CPU/record | decompress µs CPU/record |");
        Console.WriteLine("|---|---:|---:|---:|");
        (LogBlockCodec, int)[] codecs =
        [
            (LogBlockCodec.Deflate, 1), (LogBlockCodec.Deflate, 3), (LogBlockCodec.Deflate, 6), (LogBlockCodec.Deflate, 9),
            (LogBlockCodec.Brotli, 1), (LogBlockCodec.Brotli, 2), (LogBlockCodec.Brotli, 3), (LogBlockCodec.Brotli, 4),
            (LogBlockCodec.Brotli, 5), (LogBlockCodec.Brotli, 6),
        ];
        foreach (var (codec, level) in codecs)
        {
            var compression = new LogBlockCompression(codec, level);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var blobs = built.Select(b => compression.Compress(b)).ToList();
            var compressCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var blob in blobs)
            {
                LogBlockCompression.Decompress(blob);
            }

            var decompressCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {codec} {level} | {blobs.Sum(b => (long)b.Length) / (double)records:F1} | {compressCpu.TotalMicroseconds / records:F2} | {decompressCpu.TotalMicroseconds / records:F2} |"));
        }

        return 0;
    }
}
