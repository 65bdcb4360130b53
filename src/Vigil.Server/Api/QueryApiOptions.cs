namespace Vigil.Server;

/// <summary>Options of the query API (<c>/api/*</c>).</summary>
public sealed class QueryApiOptions
{
    /// <summary>
    /// When set, every <c>/api/*</c> request must carry it as <c>Authorization: Bearer KEY</c> or
    /// <c>x-api-key: KEY</c>; null or empty leaves the API open (fine on loopback, the default bind).
    /// </summary>
    public string? ApiKey { get; set; }
}
