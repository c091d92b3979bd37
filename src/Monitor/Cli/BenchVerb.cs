using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Bench;
using Monitor.Warehouse;
using Monitor.Bench.Dashboards;
using Monitor.Digests;
using Monitor.Hosting;

namespace Monitor.Cli;

/// <summary>
/// <c>monitor bench [--years 10] [--repeat 3] [--out FILE.json] [--quick]</c>: the performance benchmark on a database
/// of its own (monitor_bench, beside the warehouse; dropped afterwards). Prints each figure with its goal and writes
/// them as JSON. Goals are judged by these figures, never by timed unit tests.
/// </summary>
public static class BenchVerb
{
    /// <summary>The dashboards' Grafana expansion, run as the read-only Grafana role, and the digest renderer (see BenchHooks).</summary>
    private static readonly BenchHooks Hooks = new(
        ExpandDashboard: DashboardExpansion.ExpandAsync,
        PanelRole: "monitor_grafana",
        Digests: (services, today, folder) => provincie =>
            services.GetRequiredService<DigestRunner>().PreviewAsync(provincie, today, folder, DateTimeOffset.UtcNow, CancellationToken.None));

    public static Command Build()
    {
        var years = new Option<int?>("--jaren", "--years") { Description = "Jaren dagelijkse gegevens vanaf 2024-01-01 (standaard 10; --snel: 1)." };
        var repeat = new Option<int?>("--herhalingen", "--repeat") { Description = "Herhalingen per meting; de mediaan telt (standaard 3; --snel: 1)." };
        var output = new Option<string?>("--uitvoer", "--out") { Description = "Schrijf de cijfers ook als JSON naar dit bestand." };
        var quick = new Option<bool>("--snel", "--quick") { Description = "Klein en één keer: 1 jaar, kleine geheugenbestanden (voor de rooktest)." };
        var keep = new Option<bool>("--bewaren", "--keep") { Description = "Laat de databases van de benchmark staan (om na te kijken)." };
        var database = new Option<string>("--database") { Description = "Naam van de eigen database van de benchmark (standaard monitor_bench; er komt ook een NAAM_mem).", DefaultValueFactory = _ => "monitor_bench" };
        var only = new Option<string[]>("--alleen", "--only") { Description = $"Alleen deze delen: {string.Join(", ", BenchOptions.Parts)} (de gegevens worden altijd geladen).", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("bench", "Meet inlezen, geheugen, herberekenen, panelquery's en digests op tien jaar landelijke gegevens.")
            { years, repeat, output, quick, keep, database, only };
        cmd.SetAction(async (pr, ct) => await CliErrors.Guard(async () =>
        {
            var options = BenchOptions.Create(pr.GetValue(years), pr.GetValue(repeat), pr.GetValue(quick), null, pr.GetValue(keep)) with
                { DatabaseName = pr.GetValue(database)!, Only = pr.GetValue(only) is { Length: > 0 } o ? o.ToHashSet() : null };
            if (options.Only?.Except(BenchOptions.Parts).FirstOrDefault() is { } unknown)
                throw new ArgumentException($"--only {unknown}: kies uit {string.Join(", ", BenchOptions.Parts)}.");
            if (options.Years < 1 || options.Repeat < 1) throw new ArgumentException("--years en --repeat moeten minstens 1 zijn.");
            if (!System.Text.RegularExpressions.Regex.IsMatch(options.DatabaseName, "^[a-z_][a-z0-9_]{0,50}$"))
                throw new ArgumentException("--database: alleen kleine letters, cijfers en _ (het wordt een databasenaam).");
            var config = MonitorContext.LoadConfiguration();
            var server = WarehouseLocation.Resolve(config, msg => Console.Error.WriteLine(msg));
            Console.WriteLine($"Benchmark: {options.Years} jaar, {options.Repeat}× per meting, database {options.DatabaseName} op " +
                              $"{WarehouseLocation.Describe(server)}; {Environment.ProcessorCount} kernen, load {Stats.LoadAverage():0.0}.");
            var report = await new BenchRunner(server, options, Hooks, config, Console.Out).RunAsync(ct);

            Console.WriteLine();
            Console.WriteLine("Cijfers (mediaan van de herhalingen):");
            foreach (var f in report.Figures) Console.WriteLine($"  {f.Name,-38} {BenchRunner.Show(f)}");
            foreach (var n in report.Notes) Console.WriteLine($"  • {n}");
            if (pr.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, report.ToJson() + "\n", ct);
                Console.WriteLine($"JSON: {path}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
