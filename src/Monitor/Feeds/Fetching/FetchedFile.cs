namespace Monitor.Feeds.Fetching;

/// <summary>
/// One delivery ready to ingest, whatever its source. After ingesting, call <see cref="Complete"/> with the result
/// (moves a drop-folder file to processed/ or rejected/), then dispose (deletes a download's temp file).
/// </summary>
public sealed class FetchedFile : IAsyncDisposable
{
    private readonly Action<IngestResult>? _complete;
    private readonly Action<Problem>? _refuse;
    private readonly Func<ValueTask>? _dispose;

    private FetchedFile(string path, string fileName, string source, long bytes, FetchState state,
        Action<IngestResult>? complete = null, Action<Problem>? refuse = null, Func<ValueTask>? dispose = null)
    {
        Path = path;
        FileName = fileName;
        Source = source;
        Bytes = bytes;
        State = state;
        _complete = complete;
        _refuse = refuse;
        _dispose = dispose;
    }

    /// <summary>Where to read the bytes.</summary>
    public string Path { get; }

    /// <summary>The name for format detection and problem reports.</summary>
    public string FileName { get; }

    /// <summary>What the delivery row records as its source: the file path, or the URL with credentials redacted.</summary>
    public string Source { get; }

    public long Bytes { get; }

    /// <summary>HTTP validators to store with the delivery; <see cref="FetchState.None"/> for files.</summary>
    public FetchState State { get; }

    public void Complete(IngestResult result) => _complete?.Invoke(result);

    /// <summary>The file is not loaded at all (too large): a drop-folder file goes to rejected/ with the reason beside
    /// it, so it does not block the files after it; a download or a configured file is left as it is.</summary>
    public void Refuse(string reason) => _refuse?.Invoke(new Problem(FileName, null, null, reason));

    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;

    internal static FetchedFile Downloaded(FetchResult.Fetched fetched) =>
        new(fetched.TempPath, fetched.FileName, fetched.Source, fetched.Bytes, fetched.State, dispose: fetched.DisposeAsync);

    internal static FetchedFile InDropFolder(DropFolder folder, DropFile file) =>
        new(file.FullPath, file.Name, file.FullPath, file.Bytes, FetchState.None, complete: result => folder.Complete(file.Name, result),
            refuse: problem => folder.Complete(file.Name, IngestOutcome.Rejected, [problem], 1));

    /// <summary>A configured single file: read in place, left where it is (its owner replaces it; the content hash
    /// tells a new version from one already loaded).</summary>
    internal static FetchedFile Local(FileInfo file) =>
        new(file.FullName, file.Name, file.FullName, file.Length, FetchState.None);
}
