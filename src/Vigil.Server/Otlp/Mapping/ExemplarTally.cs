namespace Vigil.Server.Otlp.Mapping;

/// <summary>
/// Counts the exemplars one request lost, and keeps the first reasons. An exemplar is an annotation of its point: a
/// bad one, or one past <see cref="Vigil.Model.MetricExemplar.MaxPerPoint"/>, is dropped and the point kept, so the
/// point is never rejected for it; the count goes back to the sender in partial_success's message.
/// </summary>
internal sealed class ExemplarTally
{
    private const int MaxReasons = 3;
    private readonly List<string> _reasons = [];

    public int Dropped { get; private set; }

    public void Drop(int count, string reason)
    {
        Dropped += count;
        if (_reasons.Count < MaxReasons && !_reasons.Contains(reason))
        {
            _reasons.Add(reason);
        }
    }

    public string? Message => Dropped == 0 ? null : $"{Dropped} exemplar(s) dropped, their points kept: {string.Join("; ", _reasons)}";
}
