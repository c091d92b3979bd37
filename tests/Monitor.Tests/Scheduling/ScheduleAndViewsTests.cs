using Monitor.Digests;
using Monitor.Outbox;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Monitor.Feeds;
using Monitor.Scheduling;
using Monitor.Tests.Support;

namespace Monitor.Tests.Scheduling;

[Collection(HangfireGlobalState.Name)]
public sealed class ScheduleAndViewsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private sealed class Recorder : IRecurringJobManager
    {
        public readonly Dictionary<string, (Job Job, string Cron, RecurringJobOptions Options, string Queue)> Jobs = new();
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Jobs[recurringJobId] = (job, cronExpression, options, job.Queue ?? "default");
        public void Trigger(string recurringJobId) { }
        public void RemoveIfExists(string recurringJobId) => Jobs.Remove(recurringJobId);
    }

    private static Recorder Register(params (string, string?)[] settings)
    {
        var recorder = new Recorder();
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2))).Build();
        new Schedule(new FeedCatalog([]), recorder, Monitor.Hosting.StartupSettings.Schedule(config)).Register();
        return recorder;
    }

    [Fact]
    public void Digest_IsMondayEightAmsterdam_AlertsDaily_OutboxOften()
    {
        var jobs = Register().Jobs;
        Assert.Equal(("0 8 * * 1", "Europe/Amsterdam", "c-output"), (jobs["digest:weekly"].Cron, jobs["digest:weekly"].Options.TimeZone.Id, jobs["digest:weekly"].Queue));
        Assert.Equal(typeof(DigestJob), jobs["digest:weekly"].Job.Type);
        Assert.Equal(("0 6 * * *", typeof(Monitor.Alerts.AlertJob)), (jobs["alerts:daily"].Cron, jobs["alerts:daily"].Job.Type));
        Assert.Equal(("*/5 * * * *", typeof(OutboxJob)), (jobs["outbox:send"].Cron, jobs["outbox:send"].Job.Type));
    }

    [Fact]
    public void DigestCron_IsConfigurable() =>
        Assert.Equal("30 7 * * 2", Register(("Schedule:Digest", "30 7 * * 2")).Jobs["digest:weekly"].Cron);

    [Fact]
    public async Task GrafanaViews_HaveTheAgreedColumns()
    {
        await using var conn = await database.Db.OpenConnectionAsync();
        async Task<string> Columns(string view) => string.Join(", ", await conn.QueryAsync<string>("""
            SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = 'grafana' AND table_name = @view ORDER BY ordinal_position
            """, new { view }));
        Assert.Equal("alert_id bigint, regel text, gebiedcode text, gebiednaam text, opgave text, status text, ernst text, samenvatting text, ontvangers text, " +
                     "gestart timestamp with time zone, laatst_verzonden timestamp with time zone, opgelost timestamp with time zone, " +
                     "stil_tot timestamp with time zone, stil_reden text", await Columns("alerts"));
        Assert.Equal("time timestamp with time zone, alert_id bigint, regel text, gebiedcode text, gebeurtenis text, ontvangers text", await Columns("alert_events"));
    }

    [Fact]
    public async Task GrantBlock_GivesTheGrafanaRoleSelectOnBothViews_WhenTheRoleExists()
    {
        // The throwaway test cluster is this run's own; a NOLOGIN role left in it harms nothing (and 0003 may create it too).
        var migration = await File.ReadAllTextAsync(Path.Combine(Monitor.Warehouse.Migrator.MigrationsFolder, "0004_alerts.sql"));
        var grant = migration[migration.LastIndexOf("DO $$", StringComparison.Ordinal)..];
        await using var conn = await database.Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN CREATE ROLE monitor_grafana NOLOGIN; END IF;
            EXCEPTION WHEN duplicate_object THEN NULL; END $$
            """);
        await conn.ExecuteAsync(grant);
        Assert.True(await conn.ExecuteScalarAsync<bool>(
            "SELECT has_table_privilege('monitor_grafana', 'grafana.alerts', 'SELECT') AND has_table_privilege('monitor_grafana', 'grafana.alert_events', 'SELECT')"));
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT has_table_privilege('monitor_grafana', 'monitor.outbox', 'SELECT')"));
    }
}
