using System.CommandLine;
using Monitor.Samples;

namespace Monitor.Cli;

/// <summary>`monitor samples generate`: regenerates the synthetic sample feeds (deterministic per seed).</summary>
public static class SampleVerbs
{
    public static Command Build()
    {
        var samples = new Command("samples", "Voorbeeldfeeds (synthetische cijfers op echte gemeenten) maken.");

        var output = new Option<string>("--map", "--out")
        {
            Description = "Map voor de feeds; bestanden uit een eerder manifest.json daar worden eerst verwijderd.",
            DefaultValueFactory = _ => Path.Combine("samples", "feeds"),
        };
        var seed = new Option<int>("--startgetal", "--seed")
        {
            Description = "Startwaarde van het model; dezelfde waarde geeft byte voor byte dezelfde bestanden.",
            DefaultValueFactory = _ => SampleFeedGenerator.DefaultSeed,
        };
        var reference = new Option<string?>("--referentie", "--reference")
        {
            Description = "Map met gemeenten-2025.csv, herindelingen.csv en README.md (standaard: samples/reference hierboven).",
        };

        var generate = new Command("generate", "Schrijft alle voorbeeldfeeds en manifest.json (laadvolgorde voor `monitor demo`).");
        generate.Options.Add(output);
        generate.Options.Add(seed);
        generate.Options.Add(reference);
        generate.SetAction((ParseResult pr) =>
        {
            var dir = pr.GetValue(output)!;
            var manifest = SampleFeedGenerator.Generate(dir, pr.GetValue(seed), pr.GetValue(reference));
            Console.WriteLine($"{manifest.Files.Count} voorbeeldfeeds geschreven naar {Path.GetFullPath(dir)} (seed {manifest.Seed}).");
            return ExitCodes.Ok;
        });
        samples.Subcommands.Add(generate);
        return samples;
    }
}
