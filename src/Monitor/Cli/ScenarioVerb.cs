using Monitor.Clock;
using System.CommandLine;
using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Feeds.Loading;
using Monitor.Formatting;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary>
/// <c>monitor scenario --regio CODE --streefpercentage P</c> (the Hart van Brabant allocation) and
/// <c>monitor scenario --afspraken FILE</c> (a proposed uitruil on top of today's figures, not stored).
/// </summary>
public static class ScenarioVerb
{
    public static Command Build()
    {
        var regio = new Option<string?>("--regio") { Description = "Regio voor de Hart van Brabant-verdeling." };
        var streef = new Option<decimal?>("--streefpercentage") { Description = "Afgesproken streefpercentage, bijv. 60." };
        var afspraken = new Option<string?>("--afspraken") { Description = "Bestand met voorgestelde afspraken (zelfde kolommen als de feed afspraken)." };
        var datum = new Option<string?>("--datum") { Description = "JJJJ-MM-DD; standaard vandaag." };
        var cmd = new Command("scenario", "Rekent een verdeling of voorgestelde afspraken door zonder iets op te slaan.") { regio, streef, afspraken, datum };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            var day = CliDates.ParseOptional(pr.GetValue(datum), "--datum") ?? AmsterdamDate.Today();
            await using var ctx = await MonitorContext.OpenAsync();
            await using var conn = await ctx.Db.OpenConnectionAsync(ct);
            var inputs = await AnalysisInputReader.ReadAsync(conn);
            if (pr.GetValue(afspraken) is { } file)
            {
                var (proposed, problems) = ProposalReader.Read(file, await GemeenteCodeMap.LoadAsync(conn));
                if (problems.Count > 0)
                {
                    Console.Error.WriteLine($"Voorstel {file} niet te lezen:");
                    foreach (var problem in problems) Console.Error.WriteLine("  " + problem);
                    return ExitCodes.Rejected;
                }
                var result = Scenario.Evaluate(inputs, proposed, day);
                PrintScenario(result, inputs);
                // A proposal with an agreement that cannot be applied is a rejected input, as a rejected delivery is.
                return result.Problems.Any(p => p.Rejected) ? ExitCodes.Rejected : ExitCodes.Ok;
            }
            if (pr.GetValue(regio) is { } code && pr.GetValue(streef) is { } p)
            {
                PrintHartVanBrabant(HartVanBrabant.For(new AnalysisModel(inputs), code, day, p), inputs);
                return ExitCodes.Ok;
            }
            throw new ArgumentException("Geef --regio met --streefpercentage, of --afspraken BESTAND.");
        }));
        return cmd;
    }

    private static string Name(AnalysisInputs inputs, string code) => inputs.Gemeenten.FirstOrDefault(g => g.Code == code)?.Naam ?? code;
    private static string Pct(double? v) => v is { } x ? x.ToString("0.0", Dutch.Culture) + "%" : "–";

    private static void PrintHartVanBrabant(HvbView v, AnalysisInputs inputs)
    {
        Console.WriteLine($"Regio {v.Regiocode} op {v.Datum:yyyy-MM-dd}, asiel + amv + oekraine als één opgave, streefpercentage {v.Streefpercentage}%");
        Console.WriteLine($"  opgave {v.Opgave?.ToString() ?? "onbekend"}, gerealiseerd {v.Gerealiseerd}, nog toe te voegen (netto) {v.RestNetto?.ToString() ?? "onbekend"}" +
                          $" (zonder overschotten te verrekenen: {v.RestBruto?.ToString() ?? "onbekend"}); verdeeld {v.Verdeeld} van {v.TeVerdelen}");
        Console.WriteLine($"  {"gemeente",-32} {"opgave",7} {"gereal.",8} {"%",8} {"tekort",8} {"extra",6} {"% na",8}");
        foreach (var g in v.Gemeenten.OrderBy(g => g.Pct ?? double.MaxValue))
            Console.WriteLine($"  {g.Gemeentecode + " " + Name(inputs, g.Gemeentecode),-32} {g.Opgave,7} {g.Gerealiseerd,8} {Pct(g.Pct),8} {g.Tekort,8:0} {g.Extra,6} {Pct(g.PctNa),8}");
        if (v.Onvolledig.Count > 0) Console.WriteLine($"  Niet meegeteld (een opgave onbekend): {string.Join(", ", v.Onvolledig)}");
    }

    private static void PrintScenario(ScenarioResult r, AnalysisInputs inputs)
    {
        foreach (var p in r.Problems) Console.Error.WriteLine($"Let op: {p.Afspraakcode}: {p.Message}{(p.Rejected ? " (niet toegepast)" : "")}");
        var changed = r.Rows.Where(x => x.Voor != x.Na).ToList();
        Console.WriteLine($"Voorstel doorgerekend op {r.Datum:yyyy-MM-dd}: {changed.Count} gemeente×opgave veranderen (niets opgeslagen).");
        Console.WriteLine($"  {"gemeente",-32} {"opgave",-13} {"opgave voor→na",16} {"gat voor→na",14} {"% voor→na",18}");
        foreach (var x in changed.OrderBy(x => x.Gemeentecode).ThenBy(x => x.Opgave))
            Console.WriteLine($"  {x.Gemeentecode + " " + Name(inputs, x.Gemeentecode),-32} {x.Opgave.Code(),-13} {$"{x.Voor.Opgave}→{x.Na.Opgave}",16} " +
                              $"{$"{x.Voor.Gap}→{x.Na.Gap}",14} {$"{Pct(x.Voor.RealisationPct)}→{Pct(x.Na.RealisationPct)}",18}");
    }
}
