namespace Monitor.Samples;

/// <summary>Writes the sample files into the output folder and records each in the manifest, in load order.</summary>
internal sealed class SampleOutput(string root)
{
    private readonly List<ManifestEntry> _entries = [];

    public IReadOnlyList<ManifestEntry> Entries => _entries;

    public void Csv(string file, string kind, string feed, SampleTable table, CsvStyle style, string description, string? peildatum = null)
    {
        using (var stream = Create(file)) CsvSampleWriter.Write(stream, table, style);
        _entries.Add(new(file, kind, feed, "csv", style.EncodingName, style.Delimiter.ToString(), Peildatum: peildatum, Description: description));
    }

    public void Json(string file, string kind, string feed, SampleTable table, bool wrapInRows, string description)
    {
        using (var stream = Create(file)) JsonSampleWriter.Write(stream, table, wrapInRows);
        _entries.Add(new(file, kind, feed, "json", Shape: wrapInRows ? "rows" : "array", Description: description));
    }

    public void Xlsx(string file, string kind, string feed, SampleTable table, IReadOnlyList<string> titles, string description)
    {
        using (var stream = Create(file)) XlsxSampleWriter.Write(stream, table, titles, "Opgave");
        _entries.Add(new(file, kind, feed, "xlsx", HeaderRow: titles.Count + 2, Description: description));
    }

    /// <summary>A reference file shipped as is, byte for byte.</summary>
    public void Copy(string source, string file, string kind, string feed, string description)
    {
        using (var stream = Create(file)) using (var input = File.OpenRead(source)) input.CopyTo(stream);
        _entries.Add(new(file, kind, feed, "csv", "utf-8", ",", Description: description));
    }

    /// <summary>A documentation file, not a feed: not in the manifest.</summary>
    public void Text(string file, string text) => File.WriteAllText(Path.Combine(root, file), text.ReplaceLineEndings("\n"));

    private FileStream Create(string file)
    {
        var path = Path.Combine(root, file.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.Create, FileAccess.Write);
    }
}
