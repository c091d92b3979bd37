using System.IO.Compression;
using Monitor.Samples;

namespace Monitor.Tests.Samples;

public sealed class SampleDeterminismTests
{
    [Fact]
    public void Generate_SameSeedTwice_WritesIdenticalFiles()
    {
        var a = GeneratedSamples.NewTempDirectory();
        var b = GeneratedSamples.NewTempDirectory();
        SampleFeedGenerator.Generate(a);
        SampleFeedGenerator.Generate(b);
        AssertSameFiles(a, b);
    }

    [Fact]
    public void ShippedSamples_AreExactlyWhatTheGeneratorWrites()
    {
        var shipped = Path.Combine(GeneratedSamples.RepositorySamples, "feeds");
        AssertSameFiles(shipped, GeneratedSamples.Directory);
    }

    [Fact]
    public void Generate_OtherSeed_ChangesSyntheticFiguresButNotReferenceData()
    {
        var other = GeneratedSamples.NewTempDirectory();
        SampleFeedGenerator.Generate(other, seed: 7);
        foreach (var file in new[] { "gemeenten.csv", "herindelingen.csv", "regios.csv", "afspraken.csv", "contacten.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(GeneratedSamples.Directory, file)), File.ReadAllBytes(Path.Combine(other, file)));
        var verdeel = "opgave/spreidingswet-2024-2025-verdeelbesluit.csv";
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(GeneratedSamples.Directory, verdeel)), File.ReadAllBytes(Path.Combine(other, verdeel)));
    }

    [Fact]
    public void Generate_IntoPreviousOutput_LeavesNoStaleFiles()
    {
        var dir = GeneratedSamples.NewTempDirectory();
        var earlier = SampleFeedGenerator.Generate(dir, seed: 3);
        // An earlier run that also wrote a snapshot this run does not write.
        const string stale = "plekken/coa/coa-2030-01-01.csv";
        File.WriteAllText(Path.Combine(dir, stale), "peildatum\n");
        (earlier with { Files = [.. earlier.Files, earlier.Files.First(f => f.Kind == "plekken") with { File = stale }] }).Write(dir);
        SampleFeedGenerator.Generate(dir);
        AssertSameFiles(GeneratedSamples.Directory, dir);
    }

    /// <summary>Byte-equal, except that XLSX files only need equal parts (zip framing is the library's business).</summary>
    private static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var expected = Files(expectedDir);
        Assert.Equal(expected, Files(actualDir));
        foreach (var file in expected)
        {
            var x = Path.Combine(expectedDir, file);
            var y = Path.Combine(actualDir, file);
            if (file.EndsWith(".xlsx", StringComparison.Ordinal)) Assert.Equal(ZipParts(x), ZipParts(y));
            else Assert.True(File.ReadAllBytes(x).AsSpan().SequenceEqual(File.ReadAllBytes(y)), $"{file} verschilt.");
        }
    }

    private static List<string> Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static List<(string, string)> ZipParts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        }).ToList();
    }
}
