namespace Monitor.Feeds.Fetching;

/// <summary>
/// What one HTTP fetch gave. Match on the three cases; dispose it when done, which deletes a downloaded temp file.
/// </summary>
public abstract record FetchResult : IAsyncDisposable
{
    private FetchResult() { }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>New content, complete and within the size limit, in a temp file that <see cref="DisposeAsync"/> deletes.</summary>
    /// <param name="TempPath">The downloaded bytes.</param>
    /// <param name="FileName">Name for format detection and problem reports (Content-Disposition, else the URL's last segment).</param>
    /// <param name="Source">The URL as finally fetched, credentials redacted: what the delivery row records.</param>
    /// <param name="Bytes">Size of the body as received (after content decoding).</param>
    /// <param name="State">Validators to store with this delivery.</param>
    public sealed record Fetched(string TempPath, string FileName, string Source, long Bytes, FetchState State) : FetchResult
    {
        public override ValueTask DisposeAsync()
        {
            TempFile.Delete(TempPath);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The server says nothing changed since <paramref name="State"/> (HTTP 304).</summary>
    public sealed record NotModified(FetchState State) : FetchResult;

    /// <summary>Nothing usable was fetched.</summary>
    /// <param name="Reason">Plain Dutch, credentials redacted; fit for logs and the operator.</param>
    /// <param name="Retryable">True when a later run may succeed (server trouble); false when someone must change
    /// something first (size limit, 404, redirect elsewhere, unsupported scheme).</param>
    public sealed record Failed(string Reason, bool Retryable) : FetchResult;
}
