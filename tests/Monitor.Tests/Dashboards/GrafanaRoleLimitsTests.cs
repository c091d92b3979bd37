using Dapper;
using Monitor.Tests.Support;
using Npgsql;

namespace Monitor.Tests.Dashboards;

/// <summary>
/// What Grafana's login could do beyond reading its views (issue 12, point 12), each shown refused on the real
/// PostgreSQL: reading contact addresses through the alert views, taking the loader's advisory lock, creating large
/// objects, also after it switched its read-only default off (which PostgreSQL does not let us forbid).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class GrafanaRoleLimitsTests(DashboardWarehouse warehouse)
{
    private async Task AssertRefusedAsync(string sql)
    {
        await using var conn = await warehouse.OpenReadOnlyAsync();
        var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
        Assert.True(e.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}\n→ {e.SqlState} {e.MessageText}");
    }

    [Fact]
    public async Task AlertViews_NameTheRecipients_NeverTheirAddresses()
    {
        await using var conn = await warehouse.OpenReadOnlyAsync();
        var alerts = (await conn.QueryAsync<string>("SELECT ontvangers FROM grafana.alerts")).ToList();
        var events = (await conn.QueryAsync<string>("SELECT ontvangers FROM grafana.alert_events")).ToList();

        Assert.NotEmpty(alerts);
        Assert.All(alerts.Concat(events), o => Assert.DoesNotContain("@", o));
        // Tilburg's college is in monitor.contacten; the fixture's other addresses are not (any more).
        Assert.Contains("College van B&W Tilburg (college), vroeger contact", alerts);
        Assert.Contains("rollen: college", alerts); // an alert that mailed no one yet shows who it is for
        Assert.Contains("prt@brabant.example.org", await warehouse.Db.QueryAsync<string>("SELECT unnest(ontvangers) FROM monitor.alerts"));
    }

    [Theory]
    [InlineData("SELECT pg_advisory_lock(hashtext('ingest:plekken'))")]     // the loader's lock (DeliveryLoader)
    [InlineData("SELECT pg_try_advisory_lock(hashtext('feed:coa'))")]       // the feed job's guard (FeedJob)
    [InlineData("SELECT pg_advisory_xact_lock(hashtext('monitor:alerts'))")]
    [InlineData("SELECT pg_try_advisory_xact_lock(1, 2)")]
    [InlineData("SELECT pg_advisory_lock_shared(1)")]
    [InlineData("SELECT pg_advisory_unlock_all()")]
    public Task AdvisoryLocks_AreRefused(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [InlineData("SELECT lo_create(0)")]
    [InlineData("SELECT lo_creat(-1)")]
    [InlineData("SELECT lo_from_bytea(0, '\\x00')")]
    [InlineData("SELECT lo_import('/etc/hostname')")]
    public Task LargeObjects_AreRefused_EvenWithTheReadOnlyDefaultSwitchedOff(string sql) =>
        AssertRefusedAsync("SET default_transaction_read_only = off; " + sql);

    [Fact]
    public async Task ReadOnlyDefault_SwitchedOff_GivesNothingToWriteTo()
    {
        // PostgreSQL lets every role SET its own default_transaction_read_only: the boundary is the grants, not this.
        await using var conn = await warehouse.OpenReadOnlyAsync();
        await conn.ExecuteAsync("SET default_transaction_read_only = off");
        Assert.Equal("off", await conn.ExecuteScalarAsync<string>("SHOW default_transaction_read_only"));
        foreach (var sql in new[] { "UPDATE grafana.leveringen SET feed = 'x'", "CREATE TABLE public.eigen (i int)", "SELECT lo_create(0)",
                                    "SELECT pg_advisory_lock(1)", "DELETE FROM monitor.deliveries" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
            Assert.True(e.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}\n→ {e.SqlState} {e.MessageText}");
        }
    }

    [Fact]
    public async Task Catalog_NoAdvisoryLockOrLargeObjectFunction_IsExecutableByTheRole()
    {
        var executable = await warehouse.Db.QueryAsync<string>("""
            SELECT p.oid::regprocedure::text FROM pg_proc p
            WHERE p.pronamespace = 'pg_catalog'::regnamespace
              AND (p.proname LIKE 'pg\_%advisory\_%' OR p.proname LIKE 'lo\_%' OR p.proname IN ('loread', 'lowrite'))
              AND has_function_privilege(@role, p.oid, 'EXECUTE')
            """, new { role = warehouse.ReadOnlyRole });
        Assert.Empty(executable);
        Assert.True(await warehouse.Db.ScalarAsync<long>("SELECT count(*) FROM pg_proc WHERE proname LIKE 'pg\\_%advisory\\_%'") >= 10);
    }
}
