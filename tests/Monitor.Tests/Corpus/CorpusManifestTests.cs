using Monitor.Feeds.Formats;
using Monitor.Feeds.Kinds;

namespace Monitor.Tests.Corpus;

/// <summary>The corpus itself: complete, covering, and its bombs real.</summary>
public sealed class CorpusManifestTests
{
    [Fact]
    public void CommittedFiles_AndManifest_ListTheSameFiles()
    {
        var onDisk = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "Files")).Select(Path.GetFileName).Order();
        var listed = CorpusCases.All.Where(c => c.Generate is null).Select(c => c.Name).Order();

        Assert.Equal(listed, onDisk);
        Assert.Equal(CorpusCases.All.Count, CorpusCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Corpus_HasFortyBadFiles_AndCoversEveryKindAndFormat()
    {
        Assert.True(CorpusCases.All.Count(c => c.Outcome != Expected.Accepted) >= 40);
        Assert.Equal(FeedKinds.All.Select(k => k.Name).Order(), CorpusCases.All.Select(c => c.Kind).Distinct().Order());
        foreach (var format in new[] { ".csv", ".xlsx", ".json" })
            Assert.Contains(CorpusCases.All, c => c.Name.EndsWith(format) && c.Outcome == Expected.Rejected);
        // Both CSV delimiters among the committed files (a ';' header is the Dutch Excel export).
        var headers = CorpusCases.All.Where(c => c.Generate is null && c.Name.EndsWith(".csv"))
            .Select(c => File.ReadLines(CorpusRun.CommittedPath(c.Name)).FirstOrDefault() ?? "").ToList();
        Assert.Contains(headers, h => h.Contains(';'));
        Assert.Contains(headers, h => h.Contains(',') && !h.Contains(';'));
    }

    [Fact]
    public void ZipBomb_WithoutItsPayload_IsAWorkbookTheReaderOpens()
    {
        // The bombs are refused for their size alone: the same package with a small payload reads as a table.
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitor-bom-").FullName, "klein.xlsx");
        ZipBombs.Write(path, 100);

        using (var file = File.OpenRead(path))
        using (var reader = TableReaderFactory.Open(file, "klein.xlsx", new TableReadOptions(["azc groningen"])))
            Assert.Equal(["azc groningen"], reader.Header);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
