using Dapper;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// Grafana's login (a member of monitor_grafana, nothing else) can read the views in schema grafana and nothing more:
/// no Monitor or Hangfire table, no writes through the views, nothing created anywhere. Grafana runs whatever SQL a
/// dashboard editor types, several statements at once, so these grants are the real boundary.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReadOnlyRoleTests(DashboardWarehouse warehouse)
{
    private async Task<PostgresException> Refused(string sql)
    {
        await using var conn = await warehouse.OpenReadOnlyAsync();
        return await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
    }

    private async Task AssertRefusedAsync(string sql)
    {
        var e = await Refused(sql);
        Assert.True(e.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}\n→ {e.SqlState} {e.MessageText}");
    }

    [Fact]
    public async Task EveryGrafanaView_IsReadable()
    {
        var views = await warehouse.Db.QueryAsync<string>("SELECT table_name FROM information_schema.views WHERE table_schema = 'grafana' ORDER BY 1");
        Assert.Contains("stand", views);
        Assert.Contains("alerts", views);
        await using var conn = await warehouse.OpenReadOnlyAsync();
        foreach (var view in views)
            await conn.ExecuteAsync($"SELECT * FROM grafana.{view} LIMIT 1");
    }

    [Fact]
    public async Task EveryMonitorTableAndView_IsRefused()
    {
        var relations = await warehouse.Db.QueryAsync<string>(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'monitor' AND c.relkind IN ('r', 'v', 'm') ORDER BY 1");
        Assert.Contains("series", relations);
        Assert.Contains("contacten", relations);
        foreach (var relation in relations) await AssertRefusedAsync($"SELECT * FROM monitor.{relation} LIMIT 1");
        await AssertRefusedAsync("CALL monitor.grant_grafana_access()");
    }

    [Fact]
    public async Task HangfireTables_AreRefused_AlsoAfterTheGrantsAreAppliedAgain()
    {
        await using (var admin = await warehouse.Db.OpenConnectionAsync())
        {
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(admin, "hangfire");
            await admin.ExecuteAsync("CALL monitor.grant_grafana_access()");
        }
        var tables = (await warehouse.Db.QueryAsync<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'hangfire' ORDER BY 1")).ToList();
        Assert.Contains("job", tables);
        foreach (var table in tables) await AssertRefusedAsync($"SELECT * FROM hangfire.\"{table}\" LIMIT 1");
    }

    [Theory]
    // grafana.leveringen is a single-table view, so PostgreSQL would pass writes through to monitor.deliveries.
    [InlineData("INSERT INTO grafana.leveringen (feed) VALUES ('x')")]
    [InlineData("UPDATE grafana.leveringen SET feed = 'x'")]
    [InlineData("DELETE FROM grafana.leveringen")]
    [InlineData("TRUNCATE grafana.stand")]
    [InlineData("CREATE TABLE grafana.eigen (i int)")]
    [InlineData("CREATE VIEW grafana.eigen AS SELECT 1 AS i")]
    [InlineData("CREATE TABLE public.eigen (i int)")]
    [InlineData("CREATE FUNCTION public.eigen() RETURNS int LANGUAGE sql RETURN 1")]
    [InlineData("CREATE SCHEMA eigen")]
    [InlineData("ALTER VIEW grafana.stand RENAME TO oud")]
    [InlineData("DROP VIEW grafana.stand")]
    public async Task Writes_AndObjectCreation_AreRefused(string sql)
    {
        var e = await Refused(sql);
        Assert.True(e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.WrongObjectType,
            $"{sql}\n→ {e.SqlState} {e.MessageText}");
    }

    [Fact]
    public async Task ASecondStatementThatDeletes_IsRefused_AndNothingChanges()
    {
        var before = await warehouse.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series");
        await AssertRefusedAsync("SELECT 1; DELETE FROM monitor.series");
        Assert.Equal(before, await warehouse.Db.ScalarAsync<long>("SELECT count(*) FROM monitor.series"));
    }

    [Fact]
    public async Task Catalog_GrantsSelectOnGrafanaOnly()
    {
        var role = "monitor_grafana";
        var grafana = await warehouse.Db.QueryAsync<(string Name, bool Select, bool Insert, bool Update, bool Delete, bool Truncate)>("""
            SELECT c.relname, has_table_privilege(@role, c.oid, 'SELECT'), has_table_privilege(@role, c.oid, 'INSERT'),
                   has_table_privilege(@role, c.oid, 'UPDATE'), has_table_privilege(@role, c.oid, 'DELETE'), has_table_privilege(@role, c.oid, 'TRUNCATE')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'grafana' AND c.relkind = 'v'
            """, new { role });
        Assert.All(grafana, v => Assert.True(v.Select && !v.Insert && !v.Update && !v.Delete && !v.Truncate, v.Name));
        Assert.False(await warehouse.Db.ScalarAsync<bool>("SELECT has_schema_privilege(@role, 'grafana', 'CREATE')", new { role }));
        Assert.False(await warehouse.Db.ScalarAsync<bool>("SELECT has_schema_privilege(@role, 'monitor', 'USAGE')", new { role }));
        Assert.False(await warehouse.Db.ScalarAsync<bool>("SELECT has_schema_privilege(@role, 'public', 'CREATE')", new { role }));
        Assert.False(await warehouse.Db.ScalarAsync<bool>(
            "SELECT pg_has_role(@role, 'pg_read_all_data', 'MEMBER') OR (SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = @role)", new { role }));
        await using var conn = new NpgsqlConnection(warehouse.ReadOnlyConnectionString);
        await conn.OpenAsync();
        Assert.Equal(["monitor_grafana"], await conn.QueryAsync<string>("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
    }
}
