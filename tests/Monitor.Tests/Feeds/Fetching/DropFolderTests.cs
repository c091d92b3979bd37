using Monitor.Feeds;
using Monitor.Feeds.Fetching;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class DropFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-drop-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("monitor-outside-").FullName;
    private readonly DropFolder _folder;

    public DropFolderTests() =>
        _folder = new DropFolder(_root, new DropFolderOptions { SettleTime = TimeSpan.FromSeconds(30) });

    /// <summary>A file as if uploaded <paramref name="minutesAgo"/> minutes ago.</summary>
    private string Drop(string name, int minutesAgo = 10, string content = "a;b\n1;2\n", string? folder = null)
    {
        var path = Path.Combine(folder ?? _root, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
        return path;
    }

    [Fact]
    public void ListNew_SkipsHiddenPartialAndStillChangingFiles_OldestFirst()
    {
        Drop("b.csv", minutesAgo: 5);
        Drop("a.csv", minutesAgo: 20);
        Drop(".verborgen.csv");
        Drop("upload.csv.part");
        Drop("upload.csv.TMP");
        Drop("download.xlsx.crdownload");
        Drop("net-binnen.csv", minutesAgo: 0);
        Directory.CreateDirectory(Path.Combine(_root, "submap"));
        Drop("in-submap.csv", folder: Path.Combine(_root, "submap"));

        Assert.Equal(["a.csv", "b.csv"], _folder.ListNew().Select(f => f.Name));
    }

    [Fact]
    public void ListNew_SymlinkPointingOutsideTheFolder_IsSkipped()
    {
        var secret = Drop("geheim.csv", folder: _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "link.csv"), secret);
        Drop("gewoon.csv");

        Assert.Equal(["gewoon.csv"], _folder.ListNew().Select(f => f.Name));
    }

    [Theory]
    [InlineData(IngestOutcome.Accepted)]
    [InlineData(IngestOutcome.Duplicate)]
    public void Complete_AcceptedOrDuplicate_MovesToProcessed(IngestOutcome outcome)
    {
        Drop("plekken.csv");

        var moved = _folder.Complete("plekken.csv", outcome);

        Assert.Equal(Path.Combine(_root, "processed", "plekken.csv"), moved);
        Assert.True(File.Exists(moved));
        Assert.Empty(_folder.ListNew());
        Assert.False(File.Exists(moved + DropFolder.ProblemsSuffix));
    }

    [Fact]
    public void Complete_Rejected_MovesToRejectedWithTheProblemsBesideIt()
    {
        Drop("plekken.csv");
        var problems = new[]
        {
            new Problem("plekken.csv", 3, "capaciteit", "'veel' is geen geheel getal."),
            new Problem("plekken.csv", 7, "status", "'open' is geen geldige status."),
        };

        var moved = _folder.Complete("plekken.csv", new IngestResult(1, IngestOutcome.Rejected, 10, 0, problems, ProblemCount: 5));

        Assert.Equal(Path.Combine(_root, "rejected", "plekken.csv"), moved);
        var text = File.ReadAllText(Path.Combine(_root, "rejected", "plekken.csv.problemen.txt"));
        Assert.Contains("5 problemen", text);
        Assert.Contains("plekken.csv, regel 3, kolom capaciteit: 'veel' is geen geheel getal.", text);
        Assert.Contains("plekken.csv, regel 7, kolom status: 'open' is geen geldige status.", text);
        Assert.Contains("nog 3 problemen", text);
    }

    [Fact]
    public void Complete_NameAlreadyTaken_NeverOverwrites()
    {
        Drop("plekken.csv", content: "eerste");
        _folder.Complete("plekken.csv", IngestOutcome.Accepted);
        Drop("plekken.csv", content: "tweede");
        _folder.Complete("plekken.csv", IngestOutcome.Accepted);
        Drop("plekken.csv", content: "derde");
        _folder.Complete("plekken.csv", IngestOutcome.Accepted);

        var processed = Directory.GetFiles(Path.Combine(_root, "processed"));
        Assert.Equal(["derde", "eerste", "tweede"], processed.Select(File.ReadAllText).Order());
        Assert.Equal("eerste", File.ReadAllText(Path.Combine(_root, "processed", "plekken.csv")));
        Assert.All(processed, p => Assert.EndsWith(".csv", p));
    }

    [Fact]
    public void Complete_RejectedNameAlreadyTaken_KeepsFileAndProblemsTogether()
    {
        Drop("x.csv", content: "eerste");
        _folder.Complete("x.csv", IngestOutcome.Rejected, [new Problem("x.csv", null, null, "eerste fout")], 1);
        Drop("x.csv", content: "tweede");

        var moved = _folder.Complete("x.csv", IngestOutcome.Rejected, [new Problem("x.csv", null, null, "tweede fout")], 1);

        Assert.Equal("tweede", File.ReadAllText(moved));
        Assert.Contains("tweede fout", File.ReadAllText(moved + DropFolder.ProblemsSuffix));
        Assert.Contains("eerste fout", File.ReadAllText(Path.Combine(_root, "rejected", "x.csv.problemen.txt")));
    }

    [Theory]
    [InlineData("../buiten.csv")]
    [InlineData("..")]
    [InlineData("processed/../../buiten.csv")]
    [InlineData("submap/x.csv")]
    [InlineData("..\\buiten.csv")]
    public void Complete_NameThatLeavesTheFolder_IsRefusedAndNothingMoves(string name)
    {
        var victim = Drop("buiten.csv", folder: _outside);
        var before = Directory.GetFileSystemEntries(_outside).Length;

        Assert.Throws<ArgumentException>(() => _folder.Complete(name, IngestOutcome.Accepted));

        Assert.True(File.Exists(victim));
        Assert.Equal(before, Directory.GetFileSystemEntries(_outside).Length);
        Assert.False(Directory.Exists(Path.Combine(_root, "processed")));
    }

    [Fact]
    public void Complete_AbsolutePath_IsRefusedEvenInsideTheFolder()
    {
        var path = Drop("plekken.csv");

        Assert.Throws<ArgumentException>(() => _folder.Complete(path, IngestOutcome.Accepted));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Complete_SymlinkPointingOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link.csv"), Drop("geheim.csv", folder: _outside));

        Assert.Throws<ArgumentException>(() => _folder.Complete("link.csv", IngestOutcome.Rejected));
        Assert.True(File.Exists(Path.Combine(_outside, "geheim.csv")));
    }

    [Fact]
    public void Complete_ProcessedFolderIsALinkOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "processed"), _outside);
        Drop("plekken.csv");

        Assert.Throws<IOException>(() => _folder.Complete("plekken.csv", IngestOutcome.Accepted));
        Assert.True(File.Exists(Path.Combine(_root, "plekken.csv")));
        Assert.Empty(Directory.GetFiles(_outside));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
