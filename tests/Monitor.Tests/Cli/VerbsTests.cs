using Monitor.Cli;

namespace Monitor.Tests.Cli;

/// <summary>The command line builds only the verb that is typed (cli_gaps_ms); the table of names it chooses by must
/// match the commands themselves, or a verb would become unreachable.</summary>
public sealed class VerbsTests
{
    [Fact]
    public void EveryVerb_IsTypedByTheNameInTheTable()
    {
        foreach (var (name, build) in Verbs.All) Assert.Equal(name, build().Name);
        Assert.Equal(Verbs.All.Select(v => v.Name), Verbs.Build().Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void AKnownVerb_GetsOnlyItsOwnCommand_AndParsesAsBefore()
    {
        var root = Verbs.Build("gaps");
        Assert.Equal(["gaps"], root.Subcommands.Select(c => c.Name));
        Assert.Empty(root.Parse(["gaps", "--provincie", "PV30", "--formaat", "csv"]).Errors);
        Assert.NotEmpty(root.Parse(["gaps", "--formaat", "pdf"]).Errors);
    }

    [Fact]
    public void TheVerbsThatHaveTheWarehouseOpenedEarly_AreVerbs_AndNotDb()
    {
        // A misspelt name there would only lose the head start; db must not connect at all for 'db stop'.
        Assert.Subset(Verbs.All.Select(v => v.Name).ToHashSet(), Verbs.OpeningTheWarehouse.ToHashSet());
        Assert.DoesNotContain("db", Verbs.OpeningTheWarehouse);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("--help")]
    [InlineData("gapz")]
    public void AnythingElse_GetsEveryVerb(string? first)
    {
        Assert.Equal(Verbs.All.Length, Verbs.Build(first).Subcommands.Count);
        Assert.Equal(Verbs.All.Length, new HashSet<string>(Verbs.Build(first).Subcommands.Select(c => c.Name)).Count);
    }
}
