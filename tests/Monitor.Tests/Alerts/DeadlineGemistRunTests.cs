using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Alerts;

/// <summary>
/// Deadline gemist through the whole pipeline on consecutive days: facts and cycli in, the compute job, the alert run.
/// Tilburg (GM0855) had 300 of its 500 asiel places on 1 July 2025; in November 2026 it still has 300. The alert fires,
/// is repeated after a week, and resolves when cycle 2's verdeelbesluit (a binding figure of the next cycle) takes over.
/// </summary>
public sealed class DeadlineGemistRunTests : IAsyncLifetime
{
    private static readonly DateOnly First = new(2026, 11, 18);
    private OutputsKit _kit = null!;
    private Npgsql.NpgsqlDataSource Db => _kit.Database.Db;

    public async Task InitializeAsync()
    {
        _kit = await OutputsKit.StartOnAsync(new ReferenceDatabase(), smtp: null);
        await IngestAsync("cycli", """
            opgave,periode,deadline,startdatum,verdeelbesluit_uiterlijk
            asiel,2024-2025,2025-07-01,2024-02-01,2024-12-31
            asiel,2026-2027,2027-07-01,2026-02-05,2026-12-18
            """);
        await IngestAsync("opgave", """
            opgave,versie,periode,gebiedcode,aantal,publicatiedatum
            asiel,verdeelbesluit,2024-2025,GM0855,500,2024-12-31
            asiel,verdeelbesluit,2024-2025,PV30,500,2024-12-31
            """);
        await IngestAsync("plekken", """
            peildatum,opgave,gemeentecode,locatiecode,status,capaciteit
            2025-06-01,asiel,GM0855,TB-1,beschikbaar,300
            """, feed: "coa");
        await IngestAsync("contacten", """
            gebiedcode,rol,naam,email
            GM0855,college,College van B&W Tilburg,college@tilburg.test
            PV30,prt,PRT Noord-Brabant,prt@brabant.test
            """);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private async Task<IngestResult> IngestAsync(string kind, string csv, string? feed = null, string? fetchedAt = null)
    {
        var r = await Db.IngestTextAsync(kind, csv, kind + ".csv", feed);
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        if (fetchedAt is not null)
            await Db.ScalarAsync<int>("UPDATE monitor.deliveries SET fetched_at = @at::timestamptz WHERE id = @id RETURNING 1", new { at = fetchedAt, id = r.DeliveryId });
        return r;
    }

    /// <summary>One day as production runs it: the compute job (after what was delivered), then the alert job.</summary>
    private async Task DayAsync(DateOnly day, bool full = false)
    {
        await new ComputeService(Db).RunAsync(full, await PendingDeliveries.SinceLastRunAsync(Db, CancellationToken.None), day);
        await _kit.DayAsync(day);
    }

    private Task<List<string>> EventsAsync(string gebied) => Db.QueryAsync<string>("""
        SELECT to_char(e.datum, 'MM-DD') || ' ' || e.gebeurtenis FROM monitor.alert_events e JOIN monitor.alerts a ON a.id = e.alert_id
        WHERE a.regel = 'deadline_gemist' AND a.gebiedcode = @gebied AND e.gebeurtenis IN ('actief', 'melding_nieuw', 'melding_herinnering', 'opgelost')
        ORDER BY e.id
        """, new { gebied });

    [Fact]
    public async Task FiresRepeatsAndResolves_WhenCycle2sVerdeelbesluitTakesOver()
    {
        await DayAsync(First, full: true);
        for (var day = First.AddDays(1); day <= First.AddDays(10); day = day.AddDays(1)) await DayAsync(day);

        // Day 0 pending, day 1 fires and mails, day 8 is the reminder (RepeatDays 7).
        Assert.Equal(["11-19 actief", "11-19 melding_nieuw", "11-26 melding_herinnering"], await EventsAsync("GM0855"));
        Assert.Equal(["11-19 actief", "11-19 melding_nieuw", "11-26 melding_herinnering"], await EventsAsync("PV30"));
        var summary = await Db.ScalarAsync<string>("SELECT samenvatting FROM monitor.alerts WHERE regel = 'deadline_gemist' AND gebiedcode = 'GM0855'");
        Assert.Equal("Tilburg (GM0855): asiel deadline 1-7-2025 verstreken: 300 van 500 plekken; nog 200 te gaan (op de deadline 300).", summary);
        Assert.Equal("kritiek", await Db.ScalarAsync<string>("SELECT ernst FROM monitor.alerts WHERE regel = 'deadline_gemist' AND gebiedcode = 'PV30'"));
        var mail = await Db.ScalarAsync<byte[]>("""
            SELECT mime FROM monitor.outbox WHERE 'prt@brabant.test' = ANY(ontvangers) ORDER BY id LIMIT 1
            """);
        Assert.Contains("deadline 1-7-2025 verstreken", MimeKit.MimeMessage.Load(new MemoryStream(mail)).TextBody);
        // The college's table is about the missed deadline (its day's figures, then today's), the next deadline named apart:
        // the runner hands the mail the deadline's outcome, not only today's series row with cycle 2's deadline.
        var college = MimeKit.MimeMessage.Load(new MemoryStream(await Db.ScalarAsync<byte[]>("""
            SELECT mime FROM monitor.outbox WHERE 'college@tilburg.test' = ANY(ontvangers) ORDER BY id LIMIT 1
            """)));
        Assert.Contains("<tr><td>opgave op de deadline</td><td align=\"right\" style=\"white-space:nowrap;\">500</td><td style=\"white-space:nowrap;\">1 juli 2025</td>", college.HtmlBody);
        Assert.Contains("<tr><td>gerealiseerd op de deadline</td><td align=\"right\" style=\"white-space:nowrap;\">300</td><td style=\"white-space:nowrap;\">1 juli 2025</td>", college.HtmlBody);
        Assert.Contains("<tr><td>nog te gaan</td><td align=\"right\" style=\"white-space:nowrap;\">200</td><td style=\"white-space:nowrap;\">19 november 2026</td>", college.HtmlBody);
        Assert.Contains("   Volgende deadline: 1 juli 2027 (volgende cyclus).", college.TextBody);
        // The next cycle's deadline appears in that notice only in the line under its table (its own prognose notice may follow).
        var html = college.HtmlBody!;
        var start = html.IndexOf("Asielopvang: deadline 1 juli 2025 verstreken, opgave niet gehaald", StringComparison.Ordinal);
        var end = html.IndexOf("<h3", start, StringComparison.Ordinal);
        var section = html[start..(end < 0 ? html.Length : end)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(section, "1 juli 2027"));
        Assert.Contains("<strong>Volgende deadline: 1 juli 2027 (volgende cyclus).", section);

        // Cycle 2's verdeelbesluit for Tilburg, published on 30 November and fetched before that morning's alert run: the new cycle's figure
        // counts from then on (an alert run judges what was fetched by its day, issue 13).
        await IngestAsync("opgave", """
            opgave,versie,periode,gebiedcode,aantal,publicatiedatum
            asiel,verdeelbesluit,2026-2027,GM0855,450,2026-11-30
            """, fetchedAt: "2026-11-30T05:00:00Z");
        await DayAsync(First.AddDays(11));   // 29 November: the figure is not in force yet
        await DayAsync(First.AddDays(12));   // 30 November
        Assert.Equal(new DateTime(2026, 11, 30), await Db.ScalarAsync<DateTime>("""
            SELECT vervangen_op FROM monitor.deadline_outcomes WHERE gebiedcode = 'PV30' AND opgave = 'asiel' AND deadline = '2025-07-01'
            """));
        Assert.Equal(["11-19 actief", "11-19 melding_nieuw", "11-26 melding_herinnering", "11-30 opgelost"], await EventsAsync("GM0855"));
        Assert.Equal(["11-19 actief", "11-19 melding_nieuw", "11-26 melding_herinnering", "11-30 opgelost"], await EventsAsync("PV30"));
        // The "opgelost" mail waits for the weekly mail interval of its topic (the reminder went on 26 November), so it
        // goes out on 3 December, once.
        for (var d = 13; d <= 15; d++) await DayAsync(First.AddDays(d));
        Assert.Equal(2L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM monitor.alert_events e JOIN monitor.alerts a ON a.id = e.alert_id
            WHERE a.regel = 'deadline_gemist' AND e.gebeurtenis = 'melding_opgelost'
            """));
        Assert.Equal(0L, await Db.ScalarAsync<long>("""
            SELECT count(*) FROM monitor.alert_events e JOIN monitor.alerts a ON a.id = e.alert_id
            WHERE a.regel = 'deadline_gemist' AND e.gebeurtenis = 'melding_opgelost' AND e.datum < '2026-12-03'
            """));
    }
}
