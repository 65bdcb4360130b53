using System.Globalization;
using System.Text;

namespace Vigil.Testing.PushGateway;

/// <summary>One sample line of a text exposition, its labels unescaped: what the test reads back from the gateway.</summary>
public sealed record PushGatewaySample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Every sample line of <paramref name="exposition"/> (comments skipped).</summary>
    public static IEnumerable<PushGatewaySample> Parse(string exposition)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            string name;
            if (brace >= 0 && brace < space)
            {
                name = line[..brace];
                ReadLabels(line, brace + 1, labels);
            }
            else
            {
                name = line[..space];
            }

            var value = line[(space + 1)..] switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            yield return new PushGatewaySample(name, labels, value);
        }
    }

    // name="value",... up to the closing brace, with \\, \" and \n unescaped.
    private static void ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (at < line.Length && line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            var key = line[at..equals];
            var value = new StringBuilder();
            var i = equals + 2;
            for (; line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[key] = value.ToString();
            at = i + 1;
            if (at < line.Length && line[at] == ',')
            {
                at++;
            }
        }
    }
}
