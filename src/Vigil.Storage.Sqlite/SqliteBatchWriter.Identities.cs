using System.Text;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Resources, scopes and metric series: stored once, found by a hash of their content (<see cref="IdentityHash"/>), and
/// remembered by reference and by hash so repeated objects cost a dictionary lookup.
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    /// <summary>
    /// Finds or creates every resource, scope and series of the batch before any row is written. Each upsert
    /// opens a statement savepoint, and FTS5 flushes its pending terms at every savepoint: resolved in between
    /// log rows, a batch of new resources flushed the full-text index once per resource (issue 10, item 4).
    /// </summary>
    private void ResolveIdentities(TelemetryBatch batch)
    {
        foreach (var log in batch.Logs)
        {
            ResolveResource(log.Resource);
            ResolveScope(log.Scope);
        }

        foreach (var span in batch.Spans)
        {
            ResolveResource(span.Resource);
            ResolveScope(span.Scope);
        }

        foreach (var point in batch.MetricPoints)
        {
            ResolveSeries(point.Series);
        }
    }

    private void PublishPendingIds()
    {
        if (_idsByReference.Count + _pendingByReference.Count > MaxCachedIdentities)
        {
            _idsByReference.Clear();
        }

        if (_idsByHash.Count + _pendingByHash.Count > MaxCachedIdentities)
        {
            _idsByHash.Clear();
        }

        // A batch with more new identities than the cache holds leaves them out: the next batch finds them by upsert.
        if (_pendingByReference.Count <= MaxCachedIdentities)
        {
            foreach (var pending in _pendingByReference)
            {
                _idsByReference[pending.Key] = pending.Value;
            }
        }

        if (_pendingByHash.Count <= MaxCachedIdentities)
        {
            foreach (var pending in _pendingByHash)
            {
                _idsByHash[pending.Key] = pending.Value;
            }
        }

        ClearPendingIds();
    }

    /// <summary>Forgets every remembered id: retention deleted series or resources, and their ids may come back for others.</summary>
    public void ForgetIdentities()
    {
        _idsByReference.Clear();
        _idsByHash.Clear();
        ClearPendingIds();
    }

    private void ClearPendingIds()
    {
        _pendingByReference.Clear();
        _pendingByHash.Clear();
    }

    private bool TryGetCached(object key, out (long Id, long Hash) identity) =>
        _idsByReference.TryGetValue(key, out identity) || _pendingByReference.TryGetValue(key, out identity);

    private bool TryGetCachedHash((char Table, long Hash) key, out long id) =>
        _idsByHash.TryGetValue(key, out id) || _pendingByHash.TryGetValue(key, out id);

    private (long Id, long Hash) ResolveResource(TelemetryResource resource)
    {
        if (TryGetCached(resource, out var cached))
        {
            return cached;
        }

        var attributes = _json.Attributes(resource.Attributes);
        var hash = _identity.Start('r').Add(resource.SchemaUrl).Add(attributes).Finish();
        if (!TryGetCachedHash(('r', hash), out var id))
        {
            _upsertResource.Set(0, hash);
            _upsertResource.Set(1, resource.ServiceName);
            _upsertResource.Set(2, resource.SchemaUrl);
            _upsertResource.Set(3, Encoding.UTF8.GetString(attributes));
            id = _upsertResource.ExecuteInt64();
            _pendingByHash[('r', hash)] = id;
        }

        _pendingByReference[resource] = (id, hash);
        return (id, hash);
    }

    private (long Id, long Hash) ResolveScope(InstrumentationScopeInfo scope)
    {
        if (TryGetCached(scope, out var cached))
        {
            return cached;
        }

        var attributes = _json.Attributes(scope.Attributes);
        var hash = _identity.Start('s').Add(scope.Name).Add(scope.Version).Add(attributes).Finish();
        if (!TryGetCachedHash(('s', hash), out var id))
        {
            _upsertScope.Set(0, hash);
            _upsertScope.Set(1, scope.Name);
            _upsertScope.Set(2, scope.Version);
            _upsertScope.Set(3, Encoding.UTF8.GetString(attributes));
            id = _upsertScope.ExecuteInt64();
            _pendingByHash[('s', hash)] = id;
        }

        _pendingByReference[scope] = (id, hash);
        return (id, hash);
    }
}
