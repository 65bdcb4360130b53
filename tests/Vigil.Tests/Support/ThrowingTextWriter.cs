using System.Text;

namespace Vigil.Tests.Support;

/// <summary>A console output that has gone away: every write throws, as a closed pipe does.</summary>
internal sealed class ThrowingTextWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => throw new IOException("Broken pipe");

    public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");

    public override void Write(string? value) => throw new IOException("Broken pipe");
}
