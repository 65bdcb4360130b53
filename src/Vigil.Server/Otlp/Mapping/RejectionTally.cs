namespace Vigil.Server.Otlp.Mapping;

/// <summary>Counts rejected records in one request and keeps the first reason, for partial_success.</summary>
internal sealed class RejectionTally
{
    private const int MaxReasons = 3;
    private readonly List<string> _reasons = [];

    public int Count { get; private set; }

    public void Reject(string reason)
    {
        Count++;
        if (_reasons.Count < MaxReasons && !_reasons.Contains(reason))
        {
            _reasons.Add(reason);
        }
    }

    public string? Message => Count == 0 ? null : $"{Count} record(s) rejected: {string.Join("; ", _reasons)}";
}
