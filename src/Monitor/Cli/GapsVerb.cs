using System.CommandLine;
using Monitor.Compute;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor gaps</c>: one row per area and opgave, from the materialised series.</summary>
public static class GapsVerb
{
    public static Command Build()
    {
        var gemeente = new Option<string[]>("--gemeente") { Description = "Eén of meer gemeenten (GM0363, 363).", AllowMultipleArgumentsPerToken = true };
        var regio = new Option<string?>("--regio") { Description = "Een regio (regiocode, bijv. RHVB)." };
        var provincie = new Option<string[]>("--provincie") { Description = "Eén of meer provincies (PV30).", AllowMultipleArgumentsPerToken = true };
        var land = new Option<bool>("--land") { Description = "Heel Nederland (standaard als geen gebied is gekozen)." };
        var opgave = new Option<string?>("--opgave") { Description = "asiel, amv, oekraine of taakstelling; standaard alle." };
        var datum = new Option<string?>("--datum") { Description = "JJJJ-MM-DD; standaard de laatst doorgerekende dag." };
        var format = new Option<string>("--formaat", "--format") { Description = "tabel, csv of json.", DefaultValueFactory = _ => "tabel" };
        format.AcceptOnlyFromAmong("tabel", "table", "csv", "json");
        var cmd = new Command("gaps", "Opgave, gerealiseerd, gat, tekort, realisatie% en prognose per gebied en opgave.")
            { gemeente, regio, provincie, land, opgave, datum, format };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            var opgaven = pr.GetValue(opgave) is { } o
                ? GapQuery.AllOpgaven.Contains(o.ToLowerInvariant()) ? [o.ToLowerInvariant()]
                  : throw new ArgumentException($"Onbekende opgave '{o}'; kies uit {string.Join(", ", GapQuery.AllOpgaven)}.")
                : GapQuery.AllOpgaven;
            await using var ctx = await MonitorContext.OpenAsync();
            var query = new GapQuery(ctx.Db);
            var codes = await query.ResolveAsync(pr.GetValue(gemeente) ?? [], pr.GetValue(regio), pr.GetValue(provincie) ?? [], pr.GetValue(land));
            var day = CliDates.ParseOptional(pr.GetValue(datum), "--datum") ?? await query.LatestDateAsync()
                      ?? throw new InvalidOperationException("Er is nog niets doorgerekend: draai eerst 'monitor compute'.");
            var rows = await query.ReadAsync(codes, opgaven, day);
            if (rows.Count == 0)
                throw new InvalidOperationException(await query.ComputedRangeAsync() is var (first, last)
                    ? $"Geen cijfers voor {day:yyyy-MM-dd}: doorgerekend is {first:yyyy-MM-dd} t/m {last:yyyy-MM-dd}."
                    : $"Geen cijfers voor {day:yyyy-MM-dd}: er is nog niets doorgerekend; draai eerst 'monitor compute'.");
            switch (pr.GetValue(format))
            {
                case "csv": Console.Write(GapFormats.Csv(rows)); break;
                case "json":
                    var gemeenten = rows.Where(r => r.Opgave == "taakstelling" && r.Niveau == "gemeente").Select(r => r.Gebiedcode).ToList();
                    Console.WriteLine(GapFormats.Json(rows, gemeenten.Count == 0 ? null : await KoppelingenQuery.ReadAsync(ctx.Db, gemeenten, day)));
                    break;
                default: GapFormats.Table(rows); break;
            }
            // Without cycles there are no deadlines: said on stderr, so CSV and JSON on stdout stay clean. A row with an
            // asiel or amv deadline already shows there are cycles, and saves asking.
            var spreiding = rows.Where(r => r.Opgave is "asiel" or "amv").ToList();
            if (spreiding.Count > 0 && spreiding.All(r => r.Deadline is null) && !await query.HasCyclesAsync())
                Console.Error.WriteLine(GapDeadlineColumns.NoCycles);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
