using System.Globalization;
using Vigil.Storage;

// Usage: StoreWriter <store path> <writer name> <batches> <records per batch>
// Writes batches of logs tagged with the writer's name and a record number, then exits 0.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: StoreWriter <store path> <writer name> <batches> <records per batch>");
    return 2;
}

var path = args[0];
var writer = args[1];
var batches = int.Parse(args[2], CultureInfo.InvariantCulture);
var perBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
var resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, writer)] };

await using var store = SqliteTelemetryStore.Open(path);
for (var batch = 0; batch < batches; batch++)
{
    var logs = new LogEntry[perBatch];
    for (var i = 0; i < perBatch; i++)
    {
        var n = (batch * perBatch) + i;
        logs[i] = new LogEntry
        {
            Timestamp = DateTimeOffset.UtcNow,
            SeverityNumber = 9,
            Body = $"record {n} from {writer}",
            Attributes = [new("writer", writer), new("n", n)],
            Resource = resource,
        };
    }

    await store.WriteAsync(new TelemetryBatch { Logs = logs });
}

return 0;
