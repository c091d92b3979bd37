using Monitor.Cli;

namespace Monitor.Tests.Cli;

/// <summary>The command-line framework's English, phrase by phrase, in Dutch (pure: no process).</summary>
public sealed class CliTextTests
{
    [Theory]
    [InlineData("Required command was not provided.", "Kies een opdracht (zie hieronder).")]
    [InlineData("Option '--soort' is required.", "Optie --soort is verplicht.")]
    [InlineData("Required argument missing for option: '--datum'.", "Optie --datum heeft een waarde nodig.")]
    [InlineData("Unrecognized command or argument 'gapz'.", "Onbekende opdracht of optie 'gapz'.")]
    [InlineData("Option '--regio' expects a single argument but 2 were provided.", "Optie --regio verwacht één waarde, maar kreeg er 2.")]
    [InlineData("Cannot parse argument 'vier' for option '--jaren' as expected type 'System.Nullable`1[System.Int32]'.",
        "'vier' is geen geldige waarde voor optie --jaren: verwacht een geheel getal.")]
    [InlineData("Cannot parse argument 'it's' for option '--id' as expected type 'System.Int64'.",
        "'it's' is geen geldige waarde voor optie --id: verwacht een geheel getal.")]
    [InlineData("Argument 'xml' not recognized. Must be one of:\n\t'tabel'\n\t'csv'", "Waarde 'xml' is niet toegestaan. Kies uit:\n\t'tabel'\n\t'csv'")]
    [InlineData("Iets wat de Monitor zelf zei.", "Iets wat de Monitor zelf zei.")]
    public void Errors(string english, string dutch) => Assert.Equal(dutch, CliText.Error(english));

    [Fact]
    public void Help_Headings_AndStandardOptions()
    {
        var help = CliText.Help("Description:\n  x\n\nUsage:\n  monitor gaps [options]\n\nOptions:\n  --formaat <formaat>  tabel. [default: tabel]\n" +
                                "  -?, -h, --help  Show help and usage information\n\nCommands:\n  demo  y\n");
        Assert.Equal("Beschrijving:\n  x\n\nGebruik:\n  monitor gaps [opties]\n\nOpties:\n  --formaat <formaat>  tabel. [standaard: tabel]\n" +
                     "  -?, -h, --help  Toont hulp en gebruik\n\nOpdrachten:\n  demo  y\n", help);
    }

    [Theory]
    [InlineData("2025-05-13")]
    [InlineData("13-05-2025")]
    [InlineData("13-5-2025")]
    public void Dates_InTheFormsFeedsUse(string text) => Assert.Equal(new DateOnly(2025, 5, 13), CliDates.Parse(text, "--datum"));

    [Fact]
    public void Dates_Wrong_NamesTheOptionInDutch()
    {
        var e = Assert.Throws<ArgumentException>(() => CliDates.Parse("31-02-2025", "--datum"));
        Assert.StartsWith("--datum: '31-02-2025' is geen bestaande datum", e.Message);
    }
}
