namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// The columns of a built block, in their order inside it. Each holds one value per record; a column of like
/// values (all times, all bodies) compresses far better than records laid end to end.
/// </summary>
internal static class LogBlockColumn
{
    /// <summary>Sequence minus the previous record's (the first: minus the block's first sequence), a varint.</summary>
    public const int Sequence = 0;

    /// <summary>Time minus the previous record's, zig-zag varint nanoseconds.</summary>
    public const int Time = 1;

    /// <summary>0 when absent, else 1 + the zig-zag varint of observed time minus time.</summary>
    public const int Observed = 2;

    public const int Severity = 3;
    public const int TraceFlags = 4;
    public const int Resource = 5;
    public const int Scope = 6;

    /// <summary>A tag per record (see <see cref="LogBlockBuilder"/>), then the id as bytes or text.</summary>
    public const int TraceId = 7;

    public const int SpanId = 8;

    /// <summary>The first text column; each text field has a column of lengths (0 null, else 1 + bytes) and one of UTF-8.</summary>
    public const int FirstText = 9;

    public const int TextFields = 7;

    /// <summary>Text fields, in this order.</summary>
    public const int SeverityText = 0;
    public const int Body = 1;
    public const int EventName = 2;
    public const int ExceptionType = 3;
    public const int ExceptionMessage = 4;
    public const int ExceptionStackTrace = 5;

    /// <summary>The attributes as <see cref="Model.Json.AttributeJson"/> writes them; length 0 is none.</summary>
    public const int Attributes = 6;

    public const int Count = FirstText + (2 * TextFields);

    /// <summary>The built block's first byte: its layout version.</summary>
    public const byte Format = 1;

    /// <summary>Id tags: none, the lowercase hex id as raw bytes (16 or 8), or any other text as UTF-8.</summary>
    public const byte NoId = 0;
    public const byte HexId = 1;
    public const byte TextId = 2;
}
