using System.Globalization;
using System.Text;

namespace Vigil.Server.Influx;

/// <summary>
/// Line protocol as the InfluxDB reference gives it (docs.influxdata.com, "Line protocol"):
/// <c>measurement[,tag=value...] field=value[,field=value...] [timestamp]</c>, one point a line, <c>#</c> comments.
/// Escapes: a backslash before a comma or space in a measurement; before a comma, equals sign or space in tag keys,
/// tag values and field keys; before a double quote or backslash in a string field value. A backslash before anything
/// else is itself. A string field value may hold newlines. Fields: floats (<c>1</c>, <c>-1.5e3</c>), integers
/// (<c>1i</c>), unsigned integers (<c>1u</c>), strings (<c>"text"</c>) and booleans (<c>t</c>, <c>true</c>, ...).
/// Any malformed line fails the whole request, naming its line, so nothing is stored half.
/// </summary>
internal sealed class InfluxLineParser
{
    /// <summary>InfluxDB's own limit on a measurement, key or tag value: 64 KiB.</summary>
    public const int MaxNameLength = 64 * 1024;

    private static readonly HashSet<string> s_true = new(StringComparer.Ordinal) { "t", "T", "true", "True", "TRUE" };
    private static readonly HashSet<string> s_false = new(StringComparer.Ordinal) { "f", "F", "false", "False", "FALSE" };

    private readonly string _text;
    private readonly long _nanosecondsPerUnit;
    private readonly StringBuilder _buffer = new();
    private int _position;
    private int _line = 1;

    private InfluxLineParser(string text, long nanosecondsPerUnit)
    {
        _text = text;
        _nanosecondsPerUnit = nanosecondsPerUnit;
    }

    private bool AtLineEnd => _position >= _text.Length || _text[_position] == '\n';

    private char Current => _text[_position];

    /// <exception cref="InfluxParseException">A line is not line protocol.</exception>
    public static List<InfluxPoint> Parse(string text, long nanosecondsPerUnit)
    {
        var parser = new InfluxLineParser(text, nanosecondsPerUnit);
        var points = new List<InfluxPoint>();
        while (parser._position < text.Length)
        {
            parser.SkipBlanks();
            if (parser.AtLineEnd)
            {
                parser.NextLine();
                continue;
            }

            if (parser.Current == '#')
            {
                while (!parser.AtLineEnd)
                {
                    parser._position++;
                }

                parser.NextLine();
                continue;
            }

            points.Add(parser.Point());
            parser.NextLine();
        }

        return points;
    }

    private InfluxPoint Point()
    {
        var measurement = Name(",= ", ", ", "measurement", stopAtEquals: false);
        var tags = new List<KeyValuePair<string, string>>();
        while (!AtLineEnd && Current == ',')
        {
            _position++;
            var key = Name("= ,", ",= ", "tag key", stopAtEquals: true);
            Expect('=', $"tag '{key}' has no '=' and value");
            var value = Name(" ,", ",= ", $"value of tag '{key}'", stopAtEquals: false);
            tags.Add(new(key, value));
        }

        if (AtLineEnd || Current != ' ')
        {
            throw Fail(AtLineEnd ? "no fields: a line needs at least one field, as in 'cpu value=1'" : $"unexpected '{Current}' after the tags");
        }

        SkipSpaces();
        var fields = new List<InfluxField>();
        do
        {
            if (fields.Count > 0)
            {
                _position++;
            }

            var key = Name("= ,", ",= ", "field key", stopAtEquals: true);
            Expect('=', $"field '{key}' has no '=' and value");
            fields.Add(Field(key));
        }
        while (!AtLineEnd && Current == ',');

        DateTimeOffset? timestamp = null;
        if (!AtLineEnd && Current is not (' ' or '\t' or '\r'))
        {
            throw Fail($"unexpected '{Current}' after field '{fields[^1].Key}'");
        }

        SkipBlanks();
        if (!AtLineEnd)
        {
            timestamp = Timestamp();
            SkipBlanks();
            if (!AtLineEnd)
            {
                throw Fail("unexpected text after the timestamp");
            }
        }

        return new InfluxPoint(measurement, tags, fields, timestamp);
    }

    // Reads up to an unescaped stop character (or the line's end); a backslash before one of escapable is that character.
    private string Name(string stops, string escapable, string what, bool stopAtEquals)
    {
        _buffer.Clear();
        while (!AtLineEnd)
        {
            var c = Current;
            if (c == '\\' && _position + 1 < _text.Length && escapable.Contains(_text[_position + 1], StringComparison.Ordinal))
            {
                _buffer.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            if (stops.Contains(c, StringComparison.Ordinal) && (c != '=' || stopAtEquals))
            {
                break;
            }

            _buffer.Append(c);
            _position++;
            if (_buffer.Length > MaxNameLength)
            {
                throw Fail($"the {what} is longer than {MaxNameLength} characters");
            }
        }

        return _buffer.Length == 0 ? throw Fail($"the {what} is empty") : _buffer.ToString();
    }

    private InfluxField Field(string key)
    {
        if (!AtLineEnd && Current == '"')
        {
            return new InfluxField(key, InfluxFieldType.String, 0, QuotedString(key));
        }

        var start = _position;
        while (!AtLineEnd && Current is not (',' or ' ' or '\t' or '\r'))
        {
            _position++;
        }

        var token = _text[start.._position];
        if (token.Length == 0)
        {
            throw Fail($"field '{key}' has no value");
        }

        if (s_true.Contains(token) || s_false.Contains(token))
        {
            return new InfluxField(key, InfluxFieldType.Boolean, s_true.Contains(token) ? 1 : 0, null);
        }

        if (token[^1] == 'i')
        {
            return long.TryParse(token.AsSpan(0, token.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? new InfluxField(key, InfluxFieldType.Integer, integer, null)
                : throw Fail($"field '{key}': '{Shown(token)}' is not a 64-bit integer");
        }

        if (token[^1] == 'u')
        {
            return ulong.TryParse(token.AsSpan(0, token.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? new InfluxField(key, InfluxFieldType.UnsignedInteger, unsigned, null)
                : throw Fail($"field '{key}': '{Shown(token)}' is not an unsigned 64-bit integer");
        }

        // Digits, sign, point and exponent only: .NET would also take "NaN", "Infinity" and thousands separators.
        return token.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E')
            && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new InfluxField(key, InfluxFieldType.Float, number, null)
            : throw Fail($"field '{key}': '{Shown(token)}' is not a value (a float like 1.5, an integer like 1i or 1u, a \"string\", or t/f)");
    }

    private string QuotedString(string key)
    {
        _position++;
        _buffer.Clear();
        while (_position < _text.Length)
        {
            var c = Current;
            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] is '"' or '\\')
            {
                _buffer.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            _position++;
            if (c == '"')
            {
                return _buffer.ToString();
            }

            if (c == '\n')
            {
                _line++;
            }

            _buffer.Append(c);
        }

        throw Fail($"field '{key}': the string has no closing '\"'");
    }

    private DateTimeOffset Timestamp()
    {
        var start = _position;
        while (!AtLineEnd && Current is not (' ' or '\t' or '\r'))
        {
            _position++;
        }

        var token = _text.AsSpan(start, _position - start);
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units))
        {
            throw Fail($"'{Shown(token.ToString())}' is not a timestamp (a whole number of the request's precision)");
        }

        try
        {
            return DateTimeOffset.UnixEpoch.AddTicks(checked(units * _nanosecondsPerUnit) / 100);
        }
        catch (OverflowException)
        {
            throw Fail($"the timestamp {units} is outside the years 1677 to 2262 that nanoseconds since 1970 can hold");
        }
    }

    private void Expect(char c, string message)
    {
        if (AtLineEnd || Current != c)
        {
            throw Fail(message);
        }

        _position++;
    }

    private void SkipSpaces()
    {
        while (!AtLineEnd && Current == ' ')
        {
            _position++;
        }
    }

    private void SkipBlanks()
    {
        while (!AtLineEnd && Current is ' ' or '\t' or '\r')
        {
            _position++;
        }
    }

    private void NextLine()
    {
        if (_position < _text.Length)
        {
            _position++;
            _line++;
        }
    }

    private InfluxParseException Fail(string message) => new(_line, message);

    private static string Shown(string token) => token.Length <= 40 && !token.Any(char.IsControl) ? token : "(a long or unprintable value)";
}
