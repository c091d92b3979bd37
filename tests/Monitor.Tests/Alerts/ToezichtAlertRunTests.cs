using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Alerts;

/// <summary>The toezicht warnings on consecutive days: evaluated daily, mailed to the toezicht contact once a week (Monday)
/// in one summary, and resolved in the next summary once the register catches up.</summary>
public sealed class ToezichtAlertRunTests : IAsyncLifetime
{
    private static readonly DateOnly Tuesday = new(2026, 7, 7);
    private SmtpTestServer _smtp = null!;
    private OutputsKit _kit = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _kit = await OutputsKit.StartAsync(_smtp);
        await _kit.Rows.GemeenteAsync("GM0363", "Amsterdam", "PV27", "Noord-Holland");
        await _kit.Rows.GemeenteAsync("GM0361", "Alkmaar", "PV27", "Noord-Holland");
        await _kit.Rows.ContactAsync("PV27", "toezicht", "Gedeputeerde Staten Noord-Holland", "gs@nh.test");
        await _kit.Rows.ContactAsync("PV27", "prt", "PRT Noord-Holland", "prt@nh.test");
        // Amsterdam missed 2025-H2 and 2026-H1: Brabant's ladder proposes a plan van aanpak.
        await _kit.Rows.HalfYearAsync("GM0363", "2025-H2", 20, 0, 15, afgerond: true, gemistOpRij: 1);
        await _kit.Rows.HalfYearAsync("GM0363", "2026-H1", 20, 5, 20, afgerond: true, gemistOpRij: 2);
        await _kit.Rows.HalfYearAsync("GM0363", "2026-H2", 20, 5, 2);
        var register = await _kit.Database.Db.IngestTextAsync("toezicht", """
            gemeentecode,opgave,besluitdatum,stap,oordeel,termijn
            GM0363,taakstelling,2026-01-20,hoor_en_wederhoor,verwijtbaar,
            GM0361,taakstelling,2026-04-10,plan_van_aanpak,verwijtbaar,2026-07-10
            """);
        Assert.Equal(IngestOutcome.Accepted, register.Outcome);
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task WarningsGoOutOnMondayAsOneSummary_AndClearInTheNextOne()
    {
        for (var day = Tuesday; day < Tuesday.AddDays(6); day = day.AddDays(1)) await _kit.DayAsync(day);
        Assert.Empty(_smtp.Received()); // evaluated every day, but nothing is mailed before Monday
        var states = await _kit.Database.Db.QueryAsync<(string Regel, string Gebiedcode, string Status)>(
            "SELECT regel, gebiedcode, status FROM monitor.alerts WHERE regel LIKE 'toezicht%' ORDER BY regel");
        Assert.Equal([("toezicht_termijn_verstreken", "GM0361", "firing"), ("toezicht_zwaardere_stap", "GM0363", "firing")], states);

        var monday = Tuesday.AddDays(6);
        await _kit.DayAsync(monday);
        var summary = Assert.Single(_smtp.Received());
        Assert.Equal(["gs@nh.test"], SmtpTestServer.EnvelopeRecipients(summary));
        Assert.StartsWith("Weekoverzicht toezicht: ", summary.Subject);
        Assert.Contains("2 meldingen", summary.Subject);
        Assert.Contains("Alkmaar (GM0361): de termijn van plan van aanpak (taakstelling, besluit 10 april 2026) is op 10 juli 2026 verstreken", summary.TextBody);
        Assert.Contains("Amsterdam (GM0363): de ladder stelt plan van aanpak voor; vastgelegd is hoor en wederhoor (20 januari 2026)", summary.TextBody);

        // Tuesday the register catches up for Amsterdam; the warning stays open until the next summary says it is over.
        var catchUp = await _kit.Database.Db.IngestTextAsync("toezicht",
            "gemeentecode,opgave,besluitdatum,stap,oordeel,termijn\nGM0363,taakstelling,2026-07-14,plan_van_aanpak,verwijtbaar,2026-10-14\n");
        Assert.Equal(IngestOutcome.Accepted, catchUp.Outcome);
        for (var day = monday.AddDays(1); day < monday.AddDays(7); day = day.AddDays(1)) await _kit.DayAsync(day);
        Assert.Single(_smtp.Received());
        Assert.Equal("firing", await _kit.Database.Db.ScalarAsync<string>(
            "SELECT status FROM monitor.alerts WHERE regel = 'toezicht_zwaardere_stap' ORDER BY id DESC LIMIT 1"));

        await _kit.DayAsync(monday.AddDays(7));
        var next = _smtp.Received().Last();
        Assert.Equal(2, _smtp.Received().Count);
        Assert.StartsWith("Weekoverzicht toezicht: ", next.Subject);
        Assert.Contains("opgelost", next.Subject);
        Assert.Equal("resolved", await _kit.Database.Db.ScalarAsync<string>(
            "SELECT status FROM monitor.alerts WHERE regel = 'toezicht_zwaardere_stap' ORDER BY id DESC LIMIT 1"));
        // What the Monitor proposed is kept per day for the dashboard.
        Assert.Equal("plan_van_aanpak", await _kit.Database.Db.ScalarAsync<string>(
            "SELECT voorgestelde_stap FROM monitor.toezicht_voorstellen WHERE datum = '2026-07-20' AND gemeentecode = 'GM0363'"));
        Assert.Equal("gelijk", await _kit.Database.Db.ScalarAsync<string>(
            "SELECT vergelijking FROM monitor.toezicht_voorstellen WHERE datum = '2026-07-20' AND gemeentecode = 'GM0363'"));
    }
}
