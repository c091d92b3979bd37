using System.CommandLine;

namespace Monitor.Cli;

/// <summary>The command-line interface. Verbs, flags and exit codes are a user interface: keep them stable.</summary>
public static class Verbs
{
    /// <summary>Every verb, in the order the help lists them, with the name it is typed by.</summary>
    internal static readonly (string Name, Func<Command> Build)[] All =
    [
        ("demo", DemoVerb.Build), ("db", DbVerbs.Build), ("ingest", IngestVerb.Build), ("feeds", FeedsVerb.Build),
        ("compute", ComputeVerb.Build), ("gaps", GapsVerb.Build), ("scenario", ScenarioVerb.Build), ("serve", ServeVerb.Build),
        ("samples", SampleVerbs.Build), ("alerts", AlertVerbs.Build), ("digest", DigestVerb.Build), ("bench", BenchVerb.Build),
        ("toezicht", ToezichtVerb.Build), ("melding", MeldingVerb.Build),
    ];

    /// <param name="verb">The first word typed. A known verb gets only its own command: building all the others (their
    /// options, descriptions and validators) cost a short command a noticeable part of its time (cli_gaps_ms). Anything
    /// else (nothing, --help, a typo that wants suggestions) gets every verb.</param>
    public static RootCommand Build(string? verb = null)
    {
        var root = new RootCommand("De Monitor: opgaven en realisatie van asielopvang, Oekraïne-opvang en huisvesting statushouders.");
        var only = Array.FindIndex(All, v => v.Name == verb);
        if (only >= 0) root.Subcommands.Add(All[only].Build());
        else foreach (var (_, build) in All) root.Subcommands.Add(build());
        return root;
    }
}
