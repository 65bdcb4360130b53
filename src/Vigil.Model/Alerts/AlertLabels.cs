using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Vigil.Model;

/// <summary>
/// The label set that identifies one alert instance: names and values, sorted by name (ordinal), compared by content.
/// Two instances of one rule are the same alert exactly when their labels are equal, as in Prometheus.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Prometheus and Alertmanager call a label set \"labels\"; users read AlertLabels in docs and payloads.")]
public sealed class AlertLabels : IReadOnlyDictionary<string, string>, IEquatable<AlertLabels>
{
    /// <summary>The label that names the rule, as in Prometheus.</summary>
    public const string AlertName = "alertname";

    /// <summary>The label that carries the severity, as Alertmanager routes expect.</summary>
    public const string Severity = "severity";

    private readonly KeyValuePair<string, string>[] _pairs;

    /// <summary>An empty label set.</summary>
    public static AlertLabels Empty { get; } = new([]);

    private AlertLabels(KeyValuePair<string, string>[] sortedPairs) => _pairs = sortedPairs;

    /// <summary>Builds a label set; a later value of a name replaces an earlier one, and empty values are dropped (as Prometheus does).</summary>
    /// <param name="labels">The labels, in any order.</param>
    /// <returns>The label set.</returns>
    public static AlertLabels From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (string.IsNullOrEmpty(value))
            {
                map.Remove(name);
            }
            else
            {
                map[name] = value;
            }
        }

        return map.Count == 0 ? Empty : new AlertLabels([.. map]);
    }

    /// <summary>This label set with some labels added or replaced.</summary>
    /// <param name="labels">The labels to add; an empty value removes the label.</param>
    /// <returns>The combined label set.</returns>
    public AlertLabels With(IEnumerable<KeyValuePair<string, string>> labels) => From(_pairs.Concat(labels));

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <inheritdoc />
    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    /// <inheritdoc />
    public int Count => _pairs.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, out string value)
    {
        var lo = 0;
        var hi = _pairs.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = string.CompareOrdinal(_pairs[mid].Key, key);
            if (order == 0)
            {
                value = _pairs[mid].Value;
                return true;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(AlertLabels? other) =>
        other is not null && _pairs.AsSpan().SequenceEqual(other._pairs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AlertLabels);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in _pairs)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The Prometheus spelling, <c>{alertname="HighErrors", service="shop"}</c>: stable, so it also serves as a key.</summary>
    /// <returns>The label set as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < _pairs.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(_pairs[i].Key).Append("=\"");
            foreach (var c in _pairs[i].Value)
            {
                _ = c switch
                {
                    '\\' => text.Append(@"\\"),
                    '"' => text.Append("\\\""),
                    '\n' => text.Append(@"\n"),
                    _ => text.Append(c),
                };
            }

            text.Append('"');
        }

        return text.Append('}').ToString();
    }
}
