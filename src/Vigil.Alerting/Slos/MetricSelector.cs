using Vigil.Model;

namespace Vigil.Alerting.Slos;

/// <summary>The series of one metric an indicator reads: a name, the SLO's service, and attributes that must be equal.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Service">The <c>service.name</c> of the series.</param>
/// <param name="Attributes">Attribute values the series must have (text form, as for <c>vigil metrics</c>).</param>
public sealed record MetricSelector(string Name, string Service, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>Every matching series in one group and the window as one step, so one bucket holds the window.</summary>
    internal MetricQuery Query(DateTimeOffset from, DateTimeOffset to) => new()
    {
        Name = Name,
        ServiceName = Service,
        Attributes = Attributes,
        From = from,
        To = to,
        Step = to > from ? to - from : TimeSpan.FromTicks(1),
        GroupBy = [],
    };

    /// <inheritdoc />
    public bool Equals(MetricSelector? other) =>
        other is not null && Name == other.Name && Service == other.Service && Attributes.SequenceEqual(other.Attributes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Service, Attributes.Count);

    /// <inheritdoc />
    public override string ToString() =>
        Attributes.Count == 0 ? Name : $"{Name}{{{string.Join(",", Attributes.Select(a => $"{a.Key}=\"{a.Value}\""))}}}";
}
