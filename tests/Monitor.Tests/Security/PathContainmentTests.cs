using System.Net.Http.Headers;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;

namespace Monitor.Tests.Security;

/// <summary>
/// Names that come from outside (a server's Content-Disposition or URL, a file in a drop folder, a feed name typed on
/// the command line) never make the Monitor read or write outside its folders. The basic cases of the drop folder are
/// in DropFolderTests; these are the remaining ways out.
/// </summary>
public sealed class PathContainmentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-drop-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("monitor-outside-").FullName;

    private string Put(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "a;b\n1;2\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
        return path;
    }

    [Theory]
    [InlineData("attachment; filename=\"/etc/passwd\"", "https://feeds.example.org/x", "passwd")]
    [InlineData("attachment; filename=\"..\\\\..\\\\Windows\\\\win.ini\"", "https://feeds.example.org/x", "win.ini")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys", "https://feeds.example.org/x", "authorized_keys")]
    [InlineData("attachment; filename=\"..\"", "https://feeds.example.org/a/..%2F..%2Fetc%2Fshadow", "shadow")]
    [InlineData(null, "https://feeds.example.org/data/..%2F..%2F..", "coa")]
    public void DownloadName_FromTheServer_IsABareFileName(string? disposition, string url, string expected)
    {
        var headers = new ByteArrayContent([]).Headers;
        if (disposition is not null) headers.ContentDisposition = ContentDispositionHeaderValue.Parse(disposition);

        var name = DeliveryFileName.For(headers, new Uri(url), "coa");

        Assert.Equal(expected, name);
        Assert.Equal(name, Path.GetFileName(name));
    }

    [Theory]
    [InlineData("../../etc/cron.d/x")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\x")]
    [InlineData("a\0b")]
    public void DownloadTempFile_ForAnyFeedName_StaysInTheTempFolder(string feedName)
    {
        var path = TempFile.NewPath(_root, feedName);

        Assert.Equal(_root, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("x\0.csv")]
    [InlineData("/")]
    public void DropFolderComplete_OddNames_AreRefused(string name)
    {
        var folder = new DropFolder(_root);

        Assert.Throws<ArgumentException>(() => folder.Complete(name, IngestOutcome.Accepted));
        Assert.False(Directory.Exists(Path.Combine(_root, DropFolder.Processed)));
    }

    [Fact]
    public void DropFolderListNew_LinkToALinkThatLeaves_IsSkipped()
    {
        var secret = Put(_outside, "geheim.csv");
        File.CreateSymbolicLink(Path.Combine(_root, ".tussen"), secret);
        File.CreateSymbolicLink(Path.Combine(_root, "plekken.csv"), Path.Combine(_root, ".tussen"));
        Put(_root, "gewoon.csv");

        Assert.Equal(["gewoon.csv"], new DropFolder(_root).ListNew().Select(f => f.Name));
    }

    [Fact]
    public void DropFolderComplete_RejectedFolderIsALinkOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, DropFolder.Rejected), _outside);
        Put(_root, "plekken.csv");

        Assert.Throws<IOException>(() => new DropFolder(_root).Complete("plekken.csv", IngestOutcome.Rejected, [new Problem("plekken.csv", 1, null, "x")], 1));
        Assert.True(File.Exists(Path.Combine(_root, "plekken.csv")));
        Assert.Empty(Directory.GetFiles(_outside));
    }

    [Fact]
    public void DropFolderComplete_ProblemsFileNamedByTheDelivery_StaysInRejected()
    {
        // The problems file is named after the delivery; a delivery name cannot carry a path, so neither can it.
        Put(_root, "..plekken.csv");

        var moved = new DropFolder(_root).Complete("..plekken.csv", IngestOutcome.Rejected, [new Problem("..plekken.csv", 1, null, "x")], 1);

        Assert.Equal(Path.Combine(_root, DropFolder.Rejected), Path.GetDirectoryName(moved));
        Assert.True(File.Exists(moved + DropFolder.ProblemsSuffix));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
