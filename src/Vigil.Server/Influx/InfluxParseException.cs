namespace Vigil.Server.Influx;

/// <summary>A line that is not line protocol; the message names the line and what is wrong.</summary>
internal sealed class InfluxParseException : Exception
{
    public InfluxParseException(int line, string message)
        : base($"line {line}: {message}") => Line = line;

    public InfluxParseException()
        : this(0, "not line protocol")
    {
    }

    public InfluxParseException(string message)
        : base(message)
    {
    }

    public InfluxParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }
}
