using Monitor.Clock;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor toezicht</c>: per gemeente of the provincie(s) the half years missed in a row, the part koppelingen
/// explain, the recorded step and oordeel, the step the ladder proposes, and any termijn that has passed.</summary>
public static class ToezichtVerb
{
    public static Command Build()
    {
        var provincie = new Option<string[]>("--provincie") { Description = "Eén of meer provincies (PV30).", Required = true, AllowMultipleArgumentsPerToken = true };
        var datum = new Option<string?>("--datum") { Description = "JJJJ-MM-DD; standaard vandaag." };
        var format = new Option<string>("--formaat", "--format") { Description = "tabel, csv of json.", DefaultValueFactory = _ => "tabel" };
        format.AcceptOnlyFromAmong("tabel", "table", "csv", "json");
        var cmd = new Command("toezicht", "Het toezicht op de taakstelling per gemeente: gemist op rij, koppelingen, vastgelegde en voorgestelde stap.")
            { provincie, datum, format };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            var options = ctx.Services.GetRequiredService<ToezichtOptions>();
            var codes = await new GapQuery(ctx.Db).ResolveAsync([], null, pr.GetValue(provincie) ?? [], false);
            var day = CliDates.ParseOptional(pr.GetValue(datum), "--datum") ?? AmsterdamDate.Today();
            await using var conn = await ctx.Db.OpenConnectionAsync(ct);
            var rows = ToezichtQuery.Propose(await ToezichtQuery.ReadAsync(conn, codes, day), options, day);
            var ladders = string.Join(", ", codes.Select(c => options.For(c).Naam).Distinct());
            switch (pr.GetValue(format))
            {
                case "csv": Console.Write(ToezichtFormats.Csv(rows, day)); break;
                case "json": Console.WriteLine(ToezichtFormats.Json(rows, day, ladders)); break;
                default: ToezichtFormats.Table(rows, day, ladders); break;
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
