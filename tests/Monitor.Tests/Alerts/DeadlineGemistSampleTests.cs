using Monitor.Compute;
using Monitor.Tests.Support;

namespace Monitor.Tests.Alerts;

/// <summary>
/// Issue 11 on the shipped samples, on the day it was filed (3 December 2026): 1 July 2025 has passed, and the gemeenten
/// and provincies that missed it get a kritiek deadline_gemist alert. Before issue 11 this run sent no asylum alert at
/// all (the series had no deadline after 1 July 2025, and nothing looked at the passed one).
/// </summary>
public sealed class DeadlineGemistSampleTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private OutputsKit _kit = null!;
    private Npgsql.NpgsqlDataSource Db => _kit.Database.Db;

    public async Task InitializeAsync()
    {
        _kit = await OutputsKit.StartOnAsync(new SampleDatabase(), smtp: null);
        await new ComputeService(Db).RunAsync(full: true, [], Today.AddDays(-1));
        await _kit.DayAsync(Today.AddDays(-1));
        await new ComputeService(Db).RunAsync(full: false, [], Today);
        await _kit.DayAsync(Today);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task On20261203_TheGemeentenAndProvinciesThatMissed1July2025_HaveAFiringKritiekAlert()
    {
        // Worked out from the series itself: missed on the day, and still below that day's opgave now.
        var expected = await Db.QueryAsync<string>("""
            SELECT d.gebiedcode || '/' || d.opgave FROM monitor.series d
            JOIN monitor.series n ON n.gebiedcode = d.gebiedcode AND n.opgave = d.opgave AND n.datum = '2026-12-03'
            WHERE d.datum = '2025-07-01' AND d.opgave IN ('asiel', 'amv') AND d.niveau IN ('gemeente', 'provincie')
              AND d.gap > 0 AND n.gerealiseerd < d.opgave_aantal
            ORDER BY 1
            """);
        var firing = await Db.QueryAsync<string>("""
            SELECT gebiedcode || '/' || onderwerp FROM monitor.alerts WHERE regel = 'deadline_gemist' AND status = 'firing' AND ernst = 'kritiek' ORDER BY 1
            """);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, firing);
        Assert.Contains("PV30/asiel", firing);
        Assert.Contains(firing, f => f.StartsWith("GM", StringComparison.Ordinal));

        var prt = await Db.ScalarAsync<string>("SELECT samenvatting FROM monitor.alerts WHERE regel = 'deadline_gemist' AND gebiedcode = 'PV30' AND onderwerp = 'asiel'");
        Assert.StartsWith("Noord-Brabant (PV30): asiel deadline 1-7-2025 verstreken: ", prt);
        Assert.Contains("gemeenten haalden hun opgave niet", prt);
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.outbox WHERE soort = 'alert' AND 'prt@provincie-noord-brabant.example.org' = ANY(ontvangers)") > 0);
    }

    [Fact]
    public async Task TheOutcomeOf1July2025_IsStoredAsTheSeriesHadItOnTheDay()
    {
        var (opgave, realised, net, gross) = (await Db.QueryAsync<(int, int, int, int)>("""
            SELECT opgave_aantal, gerealiseerd, gap, tekort FROM monitor.series WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND datum = '2025-07-01'
            """)).Single();
        var stored = (await Db.QueryAsync<(int, int, int, int, int, string)>("""
            SELECT opgave_aantal, gerealiseerd, netto_gap, bruto_tekort, gemist_aantal, to_char(volgende_deadline, 'YYYY-MM-DD')
            FROM monitor.deadline_outcomes WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND deadline = '2025-07-01'
            """)).Single();
        var missed = await Db.ScalarAsync<long>("""
            SELECT count(*) FROM monitor.series s JOIN monitor.gemeenten_actueel g ON g.code = s.gebiedcode
            WHERE g.provinciecode = 'PV30' AND s.opgave = 'asiel' AND s.datum = '2025-07-01' AND s.gerealiseerd < s.opgave_aantal
            """);
        Assert.Equal((opgave, realised, net, gross, (int)missed, "2027-07-01"), stored);
        // The next cycle's deadline (cycli sample, 1 July 2027) is today's deadline in the series.
        Assert.Equal(new DateTime(2027, 7, 1), await Db.ScalarAsync<DateTime>(
            "SELECT deadline FROM monitor.series WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND datum = '2026-12-03'"));
    }

    [Fact]
    public async Task TheOpgaveInForce_IsCycle2sIndicativeFigure_AndWasTheVerdeelbesluitBefore()
    {
        // Tilburg in the samples: verdeelbesluit 2024-2025 (1.280), then an indicative figure for 2026-2027 (1.068) that
        // the series already counts with. The mail must be able to say that this opgave can still change.
        var data = new Monitor.Alerts.AlertData(Db, new Monitor.Feeds.FeedCatalog([]));
        var now = await data.LoadAsync(Today, DateTimeOffset.UtcNow, new(), CancellationToken.None);
        Assert.Equal(("indicatief", "2026-2027"), now.OpgaveVersies[("GM0855", "asiel")]);
        Assert.Equal(1068, now.Series.Single(r => r.Gebiedcode == "GM0855" && r.Opgave == Monitor.Analysis.Opgave.Asiel).OpgaveAantal);
        var before = await data.LoadAsync(new DateOnly(2025, 6, 1), DateTimeOffset.UtcNow, new(), CancellationToken.None);
        Assert.Equal(("verdeelbesluit", "2024-2025"), before.OpgaveVersies[("GM0855", "asiel")]);
    }
}
