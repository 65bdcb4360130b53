namespace Vigil.Server.Sentry;

/// <summary>One item of an envelope: its type from the item header and its payload bytes.</summary>
internal readonly record struct SentryEnvelopeItem(string Type, ReadOnlyMemory<byte> Payload);
