using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Tests.Samples;

public sealed class SampleManifestTests
{
    private static readonly string[] LoadOrder =
        ["gemeenten", "herindelingen", "regios", "cycli", "opgave", "plekken", "huisvesting", "afspraken", "contacten", "koppelingen", "toezicht"];

    [Fact]
    public void Manifest_ListsEveryKind_InLoadOrder()
    {
        var kinds = GeneratedSamples.Manifest.Files.Select(f => f.Kind).ToList();
        var runs = kinds.Where((k, i) => i == 0 || kinds[i - 1] != k).ToList();
        Assert.Equal(LoadOrder, runs);
    }

    [Fact]
    public void Manifest_ListsExactlyTheFeedFiles_InTheFolder()
    {
        var listed = GeneratedSamples.Manifest.Files.Select(f => f.File).Order(StringComparer.Ordinal).ToList();
        var onDisk = Directory.GetFiles(GeneratedSamples.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GeneratedSamples.Directory, f).Replace('\\', '/'))
            .Where(f => f is not "manifest.json" and not "REFERENCE-DATA.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Manifest_FeedNames_AreValidFeedNames_AndPlekkenUseTheSnapshotFeeds()
    {
        Assert.All(GeneratedSamples.Manifest.Files, f => Assert.Matches("^[a-z0-9][a-z0-9_.-]*$", f.Feed));
        Assert.Equal(["coa", "ggo"], GeneratedSamples.Files("plekken").Select(f => f.Feed).Distinct().Order());
        Assert.All(GeneratedSamples.Files("plekken"), f => Assert.NotNull(f.Peildatum));
    }

    [Fact]
    public void Formats_CoverEveryVariantOfTheContract()
    {
        var files = GeneratedSamples.Manifest.Files;
        Assert.Contains(files, f => f is { Format: "csv", Delimiter: ",", Encoding: "utf-8" });
        Assert.Contains(files, f => f is { Format: "csv", Delimiter: ",", Encoding: "utf-8-bom" });
        Assert.Contains(files, f => f is { Format: "csv", Delimiter: ";", Encoding: "windows-1252" });
        Assert.Contains(files, f => f is { Format: "json", Shape: "array" });
        Assert.Contains(files, f => f is { Format: "json", Shape: "rows" });
        Assert.Contains(files, f => f is { Format: "xlsx", HeaderRow: > 1 });
    }

    [Fact]
    public void DutchCsv_IsWindows1252_WithDecimalCommaAndThousandsDots()
    {
        var bytes = File.ReadAllBytes(Path.Combine(GeneratedSamples.Directory, "gemeenten.csv"));
        // Not valid UTF-8: the diacritics are single Windows-1252 bytes, so a reader must detect the encoding.
        Assert.ThrowsAny<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(1252).GetString(bytes);
        Assert.Contains("GM1900;Súdwest-Fryslân;PV21;Fryslân;", text);
        Assert.Contains(";90.426;522,69;", text);
        Assert.Matches(new Regex(@";\d{1,3}\.\d{3};\d+,\d{2};"), text);
    }

    [Fact]
    public void Files_UseBareCodes_OldCodes_AndBothDateStyles()
    {
        var raw = GeneratedSamples.Manifest.Files.Select(f => (f, FeedReader.ReadRaw(Path.Combine(GeneratedSamples.Directory, f.File), f))).ToList();
        string? Column(string[] header, string?[] row, string name) => Array.IndexOf(header, name) is var i and >= 0 ? row[i] : null;
        var codes = raw.SelectMany(x => x.Item2.Rows.Select(r => Column(x.Item2.Header, r, "gemeentecode") ?? Column(x.Item2.Header, r, "gebiedcode")))
            .OfType<string>().ToHashSet();
        Assert.Contains(codes, c => c.Length < 4 && FeedReader.IsBareGemeentecode(c));   // "363"
        Assert.Contains(codes, c => c.Length == 4 && FeedReader.IsBareGemeentecode(c));   // "0855"
        Assert.Contains("GM0048", codes);                                                 // Vlagtwedde, now Westerwolde
        var dates = raw.SelectMany(x => x.Item2.Rows.Select(r => Column(x.Item2.Header, r, "peildatum") ?? Column(x.Item2.Header, r, "publicatiedatum")))
            .OfType<string>().ToList();
        Assert.Contains(dates, d => Regex.IsMatch(d, @"^\d{4}-\d{2}-\d{2}$"));
        Assert.Contains(dates, d => Regex.IsMatch(d, @"^\d{1,2}-\d{1,2}-\d{4}$"));
    }

    [Fact]
    public void Samples_StayModestInSize()
    {
        var bytes = Directory.GetFiles(GeneratedSamples.Directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1L << 20, 15L << 20);
    }
}
