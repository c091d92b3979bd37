using System.CommandLine;
using Monitor.Cli;
using Monitor.Samples;

namespace Monitor.Tests.Samples;

public sealed class SampleVerbsTests
{
    [Fact]
    public void SamplesGenerate_WithOutAndSeed_WritesTheManifestThere()
    {
        var dir = GeneratedSamples.NewTempDirectory();
        var root = new RootCommand("test") { SampleVerbs.Build() };
        var exit = root.Parse(["samples", "generate", "--out", dir, "--seed", "5"]).Invoke();
        Assert.Equal(ExitCodes.Ok, exit);
        var manifest = SampleManifest.Read(dir);
        Assert.NotNull(manifest);
        Assert.Equal(5, manifest.Seed);
        Assert.Equal(GeneratedSamples.Manifest.Files.Count, manifest.Files.Count);
    }
}
