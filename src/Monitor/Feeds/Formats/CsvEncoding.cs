using System.Text;
using System.Text.Unicode;

namespace Monitor.Feeds.Formats;

/// <summary>
/// Chooses how to decode a CSV delivery from its first bytes: a byte order mark decides; otherwise bytes that are
/// valid UTF-8 are UTF-8 and anything else is Windows-1252, what Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
/// </summary>
internal sealed class CsvEncoding
{
    private CsvEncoding(Encoding encoding, int preambleLength, InvalidByteCounter? invalidBytes)
    {
        Encoding = encoding;
        PreambleLength = preambleLength;
        InvalidBytes = invalidBytes;
    }

    public Encoding Encoding { get; }

    /// <summary>Bytes of byte order mark to skip.</summary>
    public int PreambleLength { get; }

    /// <summary>For UTF-8: counts bytes further on that turned out not to be UTF-8 (each decoded as U+FFFD).</summary>
    public InvalidByteCounter? InvalidBytes { get; }

    /// <summary>The head as text, for sniffing the delimiter; never counts as invalid bytes.</summary>
    public string Sample(ReadOnlySpan<byte> head) =>
        (InvalidBytes is null ? Encoding : System.Text.Encoding.UTF8).GetString(head[PreambleLength..]);

    /// <param name="head">The first bytes of the file.</param>
    /// <param name="wholeFile">Whether head is the whole file (otherwise a character may be cut at its end).</param>
    public static CsvEncoding Detect(ReadOnlySpan<byte> head, bool wholeFile)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8Decoding(3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(Encoding.Unicode, 2, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(Encoding.BigEndianUnicode, 2, null);
        var complete = wholeFile ? head : head[..^IncompleteTail(head)];
        return Utf8.IsValid(complete) ? Utf8Decoding(0) : new(LegacyEncodings.Windows1252, 0, null);
    }

    private static CsvEncoding Utf8Decoding(int preamble)
    {
        var counter = new InvalidByteCounter();
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = counter;
        return new(encoding, preamble, counter);
    }

    /// <summary>Length of a UTF-8 sequence cut off by the end of the buffer (0 when the last character is whole).</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead byte
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }
        return 0;
    }
}

/// <summary>
/// A decoder fallback that replaces each invalid byte with U+FFFD, like the default, but counts them, so the reader can
/// reject the line they are on instead of loading garbled names.
/// </summary>
internal sealed class InvalidByteCounter : DecoderFallback
{
    public long Count { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(InvalidByteCounter owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count += bytesUnknown.Length;
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0) return '\0';
            _remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining == 1) return false;
            _remaining++;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
