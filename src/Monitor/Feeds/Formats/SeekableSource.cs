namespace Monitor.Feeds.Formats;

/// <summary>
/// XLSX (a zip) and JSON (read twice) need to seek. A seekable source is rewound and used as is; anything else is
/// copied to a temporary file, never to memory, because a delivery may be larger than the memory we want to spend.
/// </summary>
internal static class SeekableSource
{
    /// <summary>The stream to read from, positioned at the start of the delivery, and whether the caller must dispose it.</summary>
    public static (Stream Stream, bool Owned) Rewind(Stream source, long? startPosition, ReadOnlyMemory<byte> alreadyRead)
    {
        if (startPosition is { } start)
        {
            source.Position = start;
            return (source, false);
        }
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"monitor-delivery-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            new PrefixedStream(alreadyRead, source).CopyTo(copy, 1 << 16);
            copy.Position = 0;
            return (copy, true);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }
}
