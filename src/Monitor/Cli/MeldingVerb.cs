using Monitor.Clock;
using System.CommandLine;
using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Digests;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary><c>monitor melding</c>: drafts the college's notification to the toezichthouder about a looming or passed
/// shortfall in asielopvang (or its amv part), as HTML and plain text, to edit and send.</summary>
public static class MeldingVerb
{
    public static Command Build()
    {
        var gemeente = new Option<string>("--gemeente") { Description = "De gemeente (GM0363, 363).", Required = true };
        var opgave = new Option<string>("--opgave") { Description = "asiel of amv.", Required = true };
        opgave.AcceptOnlyFromAmong("asiel", "amv");
        var datum = new Option<string?>("--datum") { Description = "JJJJ-MM-DD; standaard vandaag." };
        var uit = new Option<string>("--uit") { Description = "Map voor de bestanden; standaard ./meldingen.", DefaultValueFactory = _ => "meldingen" };
        var cmd = new Command("melding", "Concept van de melding van het college aan de toezichthouder over een (dreigend) tekort, als HTML en tekst.")
            { gemeente, opgave, datum, uit };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync();
            var code = (await new GapQuery(ctx.Db).ResolveAsync([pr.GetValue(gemeente)!], null, [], false))[0];
            var day = CliDates.ParseOptional(pr.GetValue(datum), "--datum") ?? AmsterdamDate.Today();
            var o = AnalysisCodes.ParseOpgave(pr.GetValue(opgave)!);
            var input = await MeldingData.ReadAsync(ctx.Db, code, o, day);
            var folder = Directory.CreateDirectory(pr.GetValue(uit)!).FullName;
            var baseName = Path.Combine(folder, $"melding-{code}-{o.Code()}-{day:yyyy-MM-dd}");
            await File.WriteAllTextAsync(baseName + ".html", MeldingDocument.Html(input), ct);
            await File.WriteAllTextAsync(baseName + ".txt", MeldingDocument.Text(input), ct);
            Console.WriteLine($"{MeldingDocument.Subject(input.Facts)}{(input.Facts.TekortDreigt ? "" : " (er dreigt geen tekort: een melding is niet nodig)")}");
            Console.WriteLine($"  {baseName}.html");
            Console.WriteLine($"  {baseName}.txt");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
