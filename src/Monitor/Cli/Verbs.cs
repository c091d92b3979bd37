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

    /// <summary>The verbs that open the warehouse first thing. Program.cs has it opened for them while the
    /// command line is built and parsed (<see cref="Hosting.MonitorContext.StartOpening"/>). Not <c>db</c> (its <c>stop</c>
    /// must not connect), nor the verbs that run long or bring their own database.</summary>
    internal static readonly string[] OpeningTheWarehouse = ["gaps", "toezicht", "melding", "scenario", "compute", "ingest", "alerts", "digest", "feeds"];

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
