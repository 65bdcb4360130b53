using Vigil.Storage.Internal;

namespace Vigil.Storage.Sqlite;

/// <summary>Log rows and their indexed attributes.</summary>
internal sealed partial class SqliteBatchWriter
{
    private void WriteLog(LogEntry log)
    {
        var resource = ResolveResource(log.Resource);
        var scope = ResolveScope(log.Scope);
        _insertLog.Set(0, UnixTime.ToNanoseconds(log.Timestamp));
        _insertLog.Set(1, log.ObservedTimestamp is { } observed ? UnixTime.ToNanoseconds(observed) : null);
        _insertLog.Set(2, log.SeverityNumber);
        _insertLog.Set(3, log.SeverityText);
        _insertLog.Set(4, log.Body);
        _insertLog.Set(5, AttributeJson.Serialize(log.Attributes));
        _insertLog.Set(7, NormalizeId(log.SpanId));
        _insertLog.Set(8, log.TraceFlags);
        _insertLog.Set(9, log.EventName);
        _insertLog.Set(10, log.ExceptionType);
        _insertLog.Set(11, log.ExceptionMessage);
        _insertLog.Set(12, log.ExceptionStackTrace);
        _insertLog.Set(13, log.Resource.ServiceName);
        _insertLog.Set(14, resource.Id);
        _insertLog.Set(15, scope.Id);
        var traceId = NormalizeId(log.TraceId);
        _insertLog.Set(6, traceId);
        var logId = _insertLog.ExecuteInt64();

        _insertSearchTerms.Set(0, logId);
        _insertSearchTerms.Set(1, SearchTokens.For(log, traceId));
        _insertSearchTerms.Execute();
    }

    /// <summary>Ids are stored lowercase so lookups need no case folding; empty means none.</summary>
    private static string? NormalizeId(string? id) =>
        string.IsNullOrEmpty(id) ? null : id.ToLowerInvariant();
}
