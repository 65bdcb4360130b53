using System.Globalization;
using Vigil.Model;
using Vigil.Storage.Sqlite;

// Usage: StoreWriter <store path> <writer name> <batches> <records per batch> [exceptions]
// Writes batches of logs tagged with the writer's name and a record number, then exits 0. With "exceptions" every
// record is an Error carrying the same real exception, so concurrent writers must add to one error group.
if (args.Length is not (4 or 5) || (args.Length == 5 && args[4] != "exceptions"))
{
    Console.Error.WriteLine("usage: StoreWriter <store path> <writer name> <batches> <records per batch> [exceptions]");
    return 2;
}

var path = args[0];
var writer = args[1];
var batches = int.Parse(args[2], CultureInfo.InvariantCulture);
var perBatch = int.Parse(args[3], CultureInfo.InvariantCulture);
var resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, writer)] };
var exception = args.Length == 5 ? Thrown() : null;

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
            SeverityNumber = exception is null ? 9 : 17,
            Body = $"record {n} from {writer}",
            Attributes = [new("writer", writer), new("n", n)],
            ExceptionType = exception?.GetType().FullName,
            ExceptionMessage = exception is null ? null : $"Order {n} of {writer} not found",
            ExceptionStackTrace = exception?.ToString(),
            Resource = resource,
        };
    }

    await store.WriteAsync(new TelemetryBatch { Logs = logs });
}

return 0;

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
