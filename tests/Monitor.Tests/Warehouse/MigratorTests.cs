using Dapper;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Warehouse;

public sealed class MigratorTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrate_TwiceInARow_AppliesNothingTheSecondTime()
    {
        var again = await new Migrator(database.Db).MigrateAsync();
        Assert.Empty(again);
        await using var conn = await database.Db.OpenConnectionAsync();
        var versions = (await conn.QueryAsync<int>("SELECT version FROM monitor.schema_migrations ORDER BY 1")).ToList();
        Assert.Equal(Migrator.Load(Migrator.MigrationsFolder).Select(m => m.Version), versions);
    }

    [Fact]
    public async Task Migrate_FileChangedAfterApplying_Refuses()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        foreach (var f in Directory.GetFiles(Migrator.MigrationsFolder)) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var first = Directory.GetFiles(folder).Order().First();
        File.AppendAllText(first, "\n-- edited\n");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new Migrator(database.Db).MigrateAsync(folder));
        Assert.Contains("gewijzigd", error.Message);
    }

    [Fact]
    public void Load_OrdersByVersion_AndRefusesTwoFilesWithOneVersion()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "0010_b.sql"), "SELECT 2;");
        File.WriteAllText(Path.Combine(folder, "0002_a.sql"), "SELECT 1;");
        Assert.Equal([2, 10], Migrator.Load(folder).Select(m => m.Version));
        File.WriteAllText(Path.Combine(folder, "0010_c.sql"), "SELECT 3;");
        var error = Assert.Throws<InvalidOperationException>(() => Migrator.Load(folder));
        Assert.Equal("Twee migraties met versie 10.", error.Message);
    }
}
