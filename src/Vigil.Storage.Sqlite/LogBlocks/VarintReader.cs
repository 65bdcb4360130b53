namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>Reads what <see cref="ByteColumn"/> wrote, from a position that advances.</summary>
internal static class VarintReader
{
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new InvalidDataException("A log block holds a varint longer than 64 bits.");
            }
        }
    }

    public static long ReadSigned(ReadOnlySpan<byte> data, ref int position)
    {
        var raw = Read(data, ref position);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
