using System.Buffers;
using System.IO.Pipelines;

namespace Vigil.Server.Otlp.Http;

/// <summary>
/// A request body read whole: either still in Kestrel's pipe buffers (an uncompressed body, parsed where it lies, not
/// copied) or inflated into an array (gzip). Disposing gives the pipe's buffers back; the bytes are invalid after it.
/// </summary>
internal readonly struct OtlpBody(ReadOnlySequence<byte> bytes, PipeReader? owner) : IDisposable
{
    public ReadOnlySequence<byte> Bytes { get; } = bytes;

    public long Length => Bytes.Length;

    public void Dispose() => owner?.AdvanceTo(Bytes.End);
}
