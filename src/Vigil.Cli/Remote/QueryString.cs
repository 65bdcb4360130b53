using System.Globalization;
using System.Text;
using Vigil.Api.Contracts.V1;

namespace Vigil.Cli.Remote;

/// <summary>Builds a query string in the forms the query API parses (docs/api.md): RFC 3339 times, durations in milliseconds.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public QueryString Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    // Milliseconds with up to four decimals are exactly one tick, so no duration is rounded.
    public QueryString Add(string name, TimeSpan? value) =>
        Add(name, value is { } v ? (v.Ticks / (decimal)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms" : null);

    /// <summary>An enum of the contract, spelt as the API spells it (<see cref="ApiEnumNames"/>).</summary>
    public QueryString Add<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum => Add(name, value is { } v ? ApiEnumNames.Of(v) : null);

    public QueryString AddEach(string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach (var (key, value) in pairs)
        {
            Add(name, key + "=" + value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
