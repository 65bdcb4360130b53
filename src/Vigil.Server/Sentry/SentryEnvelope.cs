using System.Text.Json;
using Vigil.Server.Dialects;

namespace Vigil.Server.Sentry;

/// <summary>
/// An envelope as the SDKs send it (develop.sentry.dev/sdk/data-model/envelopes): a JSON header line, then items,
/// each a JSON header line and a payload of <c>length</c> bytes, or up to the next newline when the header gives no
/// length. Only the headers are parsed here; each payload is read by whoever takes its type.
/// </summary>
internal sealed class SentryEnvelope
{
    private SentryEnvelope(string? eventId, string? dsn, List<SentryEnvelopeItem> items)
    {
        EventId = eventId;
        Dsn = dsn;
        Items = items;
    }

    /// <summary>The header's <c>event_id</c>, when it has one.</summary>
    public string? EventId { get; }

    /// <summary>The header's <c>dsn</c>, which may carry the public key.</summary>
    public string? Dsn { get; }

    public IReadOnlyList<SentryEnvelopeItem> Items { get; }

    /// <exception cref="DialectRequestException">The bytes are not an envelope.</exception>
    public static SentryEnvelope Parse(ReadOnlyMemory<byte> body)
    {
        var rest = body;
        var headerLine = NextLine(ref rest);
        if (headerLine.IsEmpty)
        {
            throw DialectRequestException.Bad("The envelope is empty: its first line must be a JSON header such as {\"event_id\":\"...\"}.");
        }

        string? eventId;
        string? dsn;
        using (var header = ParseHeader(headerLine, "envelope header"))
        {
            eventId = SentryJson.Text(header.RootElement, "event_id");
            dsn = SentryJson.Text(header.RootElement, "dsn");
        }

        var items = new List<SentryEnvelopeItem>();
        while (!rest.IsEmpty)
        {
            var itemLine = NextLine(ref rest);
            if (itemLine.Span.Trim((byte)'\r').IsEmpty)
            {
                // A blank line between items (or the newline after the last one) carries nothing.
                continue;
            }

            string type;
            long? length;
            using (var itemHeader = ParseHeader(itemLine, $"header of item {items.Count + 1}"))
            {
                type = SentryJson.Text(itemHeader.RootElement, "type") is { Length: > 0 } t
                    ? t
                    : throw DialectRequestException.Bad($"Item {items.Count + 1} has no \"type\" in its header.");
                length = Length(itemHeader.RootElement, items.Count + 1);
            }

            ReadOnlyMemory<byte> payload;
            if (length is { } bytes)
            {
                if (bytes > rest.Length)
                {
                    throw DialectRequestException.Bad($"Item {items.Count + 1} ({type}) announces {bytes} bytes but only {rest.Length} follow.");
                }

                payload = rest[..(int)bytes];
                rest = rest[(int)bytes..];
                if (!rest.IsEmpty && rest.Span[0] == (byte)'\n')
                {
                    rest = rest[1..];
                }
            }
            else
            {
                payload = NextLine(ref rest);
            }

            items.Add(new SentryEnvelopeItem(type, payload));
        }

        return new SentryEnvelope(eventId, dsn, items);
    }

    private static long? Length(JsonElement header, int index)
    {
        if (!header.TryGetProperty("length", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var length) && length >= 0
            ? length
            : throw DialectRequestException.Bad($"Item {index} has a \"length\" that is not a non-negative whole number.");
    }

    private static JsonDocument ParseHeader(ReadOnlyMemory<byte> line, string what)
    {
        var document = SentryJson.Parse(line, what);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw DialectRequestException.Bad($"The {what} must be a JSON object.");
        }

        return document;
    }

    private static ReadOnlyMemory<byte> NextLine(ref ReadOnlyMemory<byte> rest)
    {
        var newline = rest.Span.IndexOf((byte)'\n');
        ReadOnlyMemory<byte> line;
        if (newline < 0)
        {
            line = rest;
            rest = ReadOnlyMemory<byte>.Empty;
        }
        else
        {
            line = rest[..newline];
            rest = rest[(newline + 1)..];
        }

        return line;
    }
}
