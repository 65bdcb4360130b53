using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Log rows and their full-text index terms.</summary>
internal sealed partial class SqliteBatchWriter
{
    private void WriteLog(LogEntry log, long logId)
    {
        var resource = ResolveResource(log.Resource);
        var scope = ResolveScope(log.Scope);
        var traceId = NormalizeId(log.TraceId);
        _insertLog.Set(0, logId);
        _insertLog.Set(1, UnixTime.ToNanoseconds(log.Timestamp));
        _insertLog.Set(2, log.ObservedTimestamp is { } observed ? UnixTime.ToNanoseconds(observed) : null);
        _insertLog.Set(3, log.SeverityNumber);
        _insertLog.Set(4, log.SeverityText);
        _insertLog.Set(5, log.Body);
        _insertLog.Set(6, AttributeJson.Serialize(log.Attributes));
        _insertLog.Set(7, traceId);
        _insertLog.Set(8, NormalizeId(log.SpanId));
        _insertLog.Set(9, log.TraceFlags);
        _insertLog.Set(10, log.EventName);
        _insertLog.Set(11, log.ExceptionType);
        _insertLog.Set(12, log.ExceptionMessage);
        _insertLog.Set(13, log.ExceptionStackTrace);
        _insertLog.Set(14, log.Resource.ServiceName);
        _insertLog.Set(15, resource.Id);
        _insertLog.Set(16, scope.Id);
        _insertLog.Execute();

        _insertSearchTerms.Set(0, logId);
        _insertSearchTerms.Set(1, SearchTokens.For(log, traceId));
        _insertSearchTerms.Execute();
    }

    /// <summary>Ids are stored lowercase so lookups need no case folding; empty means none.</summary>
    private static string? NormalizeId(string? id) =>
        string.IsNullOrEmpty(id) ? null : id.ToLowerInvariant();
}
