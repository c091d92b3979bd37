using System.CommandLine;
using Monitor.Warehouse;
using Monitor.Hosting;

namespace Monitor.Cli;

public static class DbVerbs
{
    public static Command Build()
    {
        var db = new Command("db", "De database van de Monitor beheren.");

        var migrate = new Command("migrate", "Past de migraties in sql/ toe, elk één keer; veilig om te herhalen.");
        // Guarded like every verb that connects: a failure is one scrubbed line, never a stack trace quoting the connection.
        migrate.SetAction(async (_, ct) => await CliErrors.Guard(async () =>
        {
            await using var ctx = await MonitorContext.OpenAsync(migrate: false);
            var applied = await new Migrator(ctx.Db, Console.Error.WriteLine).MigrateAsync(ct: ct);
            Console.WriteLine(applied.Count == 0
                ? $"Database {WarehouseLocation.Describe(ctx.ConnectionString)} is bijgewerkt; niets te doen."
                : $"Toegepast op {WarehouseLocation.Describe(ctx.ConnectionString)}: " + string.Join(", ", applied.Select(m => $"{m.Version:0000}_{m.Name}")));
            return ExitCodes.Ok;
        }));
        db.Subcommands.Add(migrate);

        var stop = new Command("stop", "Stopt de ingebouwde PostgreSQL in ./.monitor/pg (als die draait).");
        stop.SetAction(_ =>
        {
            var dir = Path.Combine(Directory.GetCurrentDirectory(), WarehouseLocation.EmbeddedFolder);
            Console.WriteLine(new LocalCluster(dir).Stop()
                ? "Ingebouwde PostgreSQL gestopt."
                : $"Er draaide geen ingebouwde PostgreSQL in {dir}; niets gestopt.");
            return ExitCodes.Ok;
        });
        db.Subcommands.Add(stop);
        return db;
    }
}
