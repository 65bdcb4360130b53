using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Cli.Output;

/// <summary>Writes one JSON object per line (JSON Lines) to a text writer.</summary>
internal sealed class JsonLines
{
    private static readonly JsonWriterOptions s_options = new()
    {
        // Readable non-ASCII text; the output is data for scripts, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly TextWriter _output;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public JsonLines(TextWriter output) => _output = output;

    /// <summary>Writes one object; <paramref name="writeProperties"/> writes its properties.</summary>
    public void Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        _output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        _output.Write('\n');
    }

    /// <summary>Flushes what was written (so a follower sees each record as it comes).</summary>
    public void Flush() => _output.Flush();
}
