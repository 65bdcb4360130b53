using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Vigil.Storage.Internal;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Resources, scopes and metric series: stored once, found by a hash of their content, and
/// remembered by reference and by hash so repeated objects cost a dictionary lookup.
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    private static long Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
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

        foreach (var pending in _pendingByReference)
        {
            _idsByReference[pending.Key] = pending.Value;
        }

        foreach (var pending in _pendingByHash)
        {
            _idsByHash[pending.Key] = pending.Value;
        }

        _pendingByReference.Clear();
        _pendingByHash.Clear();
    }

    private bool TryGetCached(object key, out (long Id, long Hash) identity)
    {
        if (_idsByReference.TryGetValue(key, out identity))
        {
            return true;
        }

        foreach (var pending in _pendingByReference)
        {
            if (ReferenceEquals(pending.Key, key))
            {
                identity = pending.Value;
                return true;
            }
        }

        return false;
    }

    private bool TryGetCachedHash((char Table, long Hash) key, out long id)
    {
        if (_idsByHash.TryGetValue(key, out id))
        {
            return true;
        }

        foreach (var pending in _pendingByHash)
        {
            if (pending.Key == key)
            {
                id = pending.Value;
                return true;
            }
        }

        return false;
    }

    private (long Id, long Hash) ResolveResource(TelemetryResource resource)
    {
        if (TryGetCached(resource, out var cached))
        {
            return cached;
        }

        var attributes = AttributeJson.Serialize(resource.Attributes);
        var hash = Hash("r\n" + resource.SchemaUrl + "\n" + attributes);
        if (!TryGetCachedHash(('r', hash), out var id))
        {
            _upsertResource.Set(0, hash);
            _upsertResource.Set(1, resource.ServiceName);
            _upsertResource.Set(2, resource.SchemaUrl);
            _upsertResource.Set(3, attributes);
            id = _upsertResource.ExecuteInt64();
            _pendingByHash.Add(new(('r', hash), id));
        }

        _pendingByReference.Add(new(resource, (id, hash)));
        return (id, hash);
    }

    private (long Id, long Hash) ResolveScope(InstrumentationScopeInfo scope)
    {
        if (TryGetCached(scope, out var cached))
        {
            return cached;
        }

        var attributes = AttributeJson.Serialize(scope.Attributes);
        var hash = Hash("s\n" + scope.Name + "\n" + scope.Version + "\n" + attributes);
        if (!TryGetCachedHash(('s', hash), out var id))
        {
            _upsertScope.Set(0, hash);
            _upsertScope.Set(1, scope.Name);
            _upsertScope.Set(2, scope.Version);
            _upsertScope.Set(3, attributes);
            id = _upsertScope.ExecuteInt64();
            _pendingByHash.Add(new(('s', hash), id));
        }

        _pendingByReference.Add(new(scope, (id, hash)));
        return (id, hash);
    }
}
