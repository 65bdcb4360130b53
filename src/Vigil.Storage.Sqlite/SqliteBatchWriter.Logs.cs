using Vigil.Model;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Storage.Sqlite;

/// <summary>Log records, as compressed blocks: one block per service of the batch (more when one fills).</summary>
internal sealed partial class SqliteBatchWriter
{
    private readonly LogBlockBuilder _blockBuilder = new(LogBlockCompression.Default);

    /// <summary>
    /// Sequences are handed out here, not read back: the batch holds the write lock. They rise in commit order; within
    /// a batch, service by service (in the order each service first appears), so a block's sequences are contiguous.
    /// </summary>
    private void WriteLogs(IReadOnlyList<LogEntry> logs)
    {
        if (logs.Count == 0)
        {
            return;
        }

        var next = _logBlocks.LastSequence() + 1;
        foreach (var group in GroupByService(logs))
        {
            foreach (var log in group)
            {
                if (_blockBuilder.IsFull)
                {
                    _logBlocks.Insert(_blockBuilder.Build());
                }

                var resource = ResolveResource(log.Resource);
                var scope = ResolveScope(log.Scope);
                _blockBuilder.Add(log, log.Resource.ServiceName, next++, resource.Id, scope.Id, NormalizeId(log.TraceId), NormalizeId(log.SpanId));
            }

            _logBlocks.Insert(_blockBuilder.Build());
        }
    }

    /// <summary>The batch's records by service, services in order of first appearance; one list when there is one service.</summary>
    private static List<IReadOnlyList<LogEntry>> GroupByService(IReadOnlyList<LogEntry> logs)
    {
        var first = logs[0].Resource.ServiceName;
        var single = true;
        foreach (var log in logs)
        {
            if (log.Resource.ServiceName != first)
            {
                single = false;
                break;
            }
        }

        if (single)
        {
            return [logs];
        }

        var groups = new List<IReadOnlyList<LogEntry>>();
        var byService = new Dictionary<string, List<LogEntry>>(StringComparer.Ordinal);
        List<LogEntry>? unnamed = null;
        foreach (var log in logs)
        {
            var service = log.Resource.ServiceName;
            List<LogEntry>? group;
            if (service is null)
            {
                group = unnamed;
            }
            else
            {
                byService.TryGetValue(service, out group);
            }

            if (group is null)
            {
                group = [];
                groups.Add(group);
                if (service is null)
                {
                    unnamed = group;
                }
                else
                {
                    byService[service] = group;
                }
            }

            group.Add(log);
        }

        return groups;
    }

    /// <summary>Ids are stored lowercase so lookups need no case folding; empty means none.</summary>
    private static string? NormalizeId(string? id) =>
        string.IsNullOrEmpty(id) ? null : id.ToLowerInvariant();
}
