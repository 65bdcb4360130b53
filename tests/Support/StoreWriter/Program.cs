using System.Globalization;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.StoreWriter;

// Usage: StoreWriter <store path> <writer name> <batches> <records per batch> [logs|exceptions|all] [pause]
// Writes batches tagged with the writer's name and a record number, then exits 0.
//   logs (the default): log records only.
//   exceptions: every record is an Error carrying the same real exception, so concurrent writers must add to one error group.
//   all: each batch holds logs, spans and metric points (WrittenRecords), in one WriteAsync, so one transaction.
// With "pause" the writer prints "paused" after half its batches and waits for a line on stdin before the rest, so a
// test can look at the store while every writer is known to be half-way.
string[] modes = ["logs", "exceptions", "all"];
if (args.Length is < 4 or > 6 || (args.Length >= 5 && !modes.Contains(args[4])) || (args.Length == 6 && args[5] != "pause"))
{
    Console.Error.WriteLine("usage: StoreWriter <store path> <writer name> <batches> <records per batch> [logs|exceptions|all] [pause]");
    return 2;
}

var path = args[0];
var writer = args[1];
var batches = int.Parse(args[2], CultureInfo.InvariantCulture);
var perBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
var mode = args.Length >= 5 ? args[4] : "logs";
var pauseAt = args.Length == 6 ? batches / 2 : -1;
var resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, writer)] };
var exception = mode == "exceptions" ? Thrown() : null;

await using var store = SqliteTelemetryStore.Open(path);
for (var batch = 0; batch < batches; batch++)
{
    if (batch == pauseAt)
    {
        Console.Out.WriteLine("paused");
        Console.Out.Flush();
        _ = Console.In.ReadLine();
    }

    await store.WriteAsync(mode == "all" ? WrittenRecords.Batch(writer, batch, perBatch) : Logs(batch));
}

return 0;

TelemetryBatch Logs(int batch)
{
    var logs = new LogEntry[perBatch];
    for (var i = 0; i < perBatch; i++)
    {
        var n = (batch * perBatch) + i;
        logs[i] = new LogEntry
        {
            Timestamp = DateTimeOffset.UtcNow,
            SeverityNumber = exception is null ? 9 : 17,
            Body = $"record {n} from {writer}",
            Attributes = [new("writer", writer), new("n", n)],
            ExceptionType = exception?.GetType().FullName,
            ExceptionMessage = exception is null ? null : $"Order {n} of {writer} not found",
            ExceptionStackTrace = exception?.ToString(),
            Resource = resource,
        };
    }

    return new TelemetryBatch { Logs = logs };
}

static Exception Thrown()
{
    try
    {
        throw new InvalidOperationException("Order not found");
    }
    catch (InvalidOperationException ex)
    {
        return ex;
    }
}
