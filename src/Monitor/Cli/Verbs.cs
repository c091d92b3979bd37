using System.CommandLine;

namespace Monitor.Cli;

/// <summary>The command-line interface. Verbs, flags and exit codes are a user interface: keep them stable.</summary>
public static class Verbs
{
    public static RootCommand Build()
    {
        var root = new RootCommand("De Monitor: opgaven en realisatie van asielopvang, Oekraïne-opvang en huisvesting statushouders.");
        root.Subcommands.Add(DemoVerb.Build());
        root.Subcommands.Add(DbVerbs.Build());
        root.Subcommands.Add(IngestVerb.Build());
        root.Subcommands.Add(FeedsVerb.Build());
        root.Subcommands.Add(ComputeVerb.Build());
        root.Subcommands.Add(GapsVerb.Build());
        root.Subcommands.Add(ScenarioVerb.Build());
        root.Subcommands.Add(ServeVerb.Build());
        root.Subcommands.Add(SampleVerbs.Build());
        root.Subcommands.Add(AlertVerbs.Build());
        root.Subcommands.Add(DigestVerb.Build());
        root.Subcommands.Add(BenchVerb.Build());
        root.Subcommands.Add(ToezichtVerb.Build());
        root.Subcommands.Add(MeldingVerb.Build());
        return root;
    }
}
