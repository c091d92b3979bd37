using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>Feed kind cycli on a real warehouse: accepted, rejected with file/line/column, idempotent, and an extension.</summary>
public sealed class IngestCycliTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Cycle1 = """
        opgave;periode;deadline;startdatum;verslag_uiterlijk;verdeelbesluit_uiterlijk;omschrijving
        asiel;2024-2025;1-7-2025;1-2-2024;1-11-2024;31-12-2024;Cyclus 1
        amv;2024 - 2025;01-07-2025;;;;
        """;

    [Fact]
    public async Task Cycli_SemicolonWithDutchDatesAndEmptyOptionals_LoadsAndBecomesTheCalendar()
    {
        var r = await Db.IngestTextAsync("cycli", Cycle1, "cycli.csv");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(2, r.RowsLoaded);
        Assert.Equal(new DateTime(2024, 12, 31), await Db.ScalarAsync<DateTime>(
            "SELECT verdeelbesluit_uiterlijk FROM monitor.cycli WHERE opgave = 'asiel' AND periode = '2024-2025'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(startdatum) FROM monitor.cycli WHERE opgave = 'amv'"));
        var lines = await Db.ScalarAsync<int[]>("SELECT source_lines FROM monitor.cycli WHERE opgave = 'amv'");
        Assert.Equal(new[] { 3 }, lines);

        var calendar = await CalendarReader.ReadAsync(Db);
        Assert.Equal(new DateOnly(2025, 7, 1), calendar.NextDeadline(Opgave.Asiel, new DateOnly(2025, 5, 12)));
        Assert.Equal(new DateOnly(2025, 7, 1), calendar.NextDeadline(Opgave.Amv, new DateOnly(2025, 7, 1)));
        Assert.Null(calendar.NextDeadline(Opgave.Asiel, new DateOnly(2025, 7, 2)));
    }

    [Fact]
    public async Task NoCycliDelivery_NoCycleDeadlines_TheTaakstellingStillEndsEachHalfYear()
    {
        var calendar = await CalendarReader.ReadAsync(Db);
        Assert.Empty(calendar.Deadlines);
        Assert.Null(calendar.NextDeadline(Opgave.Asiel, new DateOnly(2025, 5, 12)));
        Assert.Equal(new DateOnly(2025, 6, 30), calendar.NextDeadline(Opgave.Taakstelling, new DateOnly(2025, 5, 12)));
    }

    [Fact]
    public async Task Cycli_BadRows_AreRejectedWithFileLineAndColumn_AndChangeNothing()
    {
        var csv = """
            opgave,periode,deadline,startdatum,verslag_uiterlijk,verdeelbesluit_uiterlijk
            asiel,2024-2025,2025-07-01,2024-02-01,2024-11-01,2024-12-31
            oekraine,2024-2025,2025-07-01,,,
            amv,2024-2025,2023-12-01,,,
            asiel,2026-2027,2027-07-01,2026-02-05,,2026-01-01
            asiel,2026-2027,2027-07-01,2026-02-05,,
            amv,2026-2027,1 juli 2027,,,
            """;
        var r = await Db.IngestTextAsync("cycli", csv, "cycli-fout.csv");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        string Where(Problem p) => $"{p.File}:{p.Line}:{p.Column}";
        Assert.Contains(r.Problems, p => Where(p) == "cycli-fout.csv:3:periode" && p.Message.Contains("past niet bij opgave oekraine"));
        Assert.Contains(r.Problems, p => Where(p) == "cycli-fout.csv:4:deadline" && p.Message.Contains("ligt vóór het begin van periode 2024-2025"));
        Assert.Contains(r.Problems, p => Where(p) == "cycli-fout.csv:5:verdeelbesluit_uiterlijk" && p.Message.Contains("ligt vóór startdatum 5-2-2026"));
        Assert.Contains(r.Problems, p => p.Line == 7 && p.Column == "deadline");
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.cycli"));

        // Rows that pass alone but disagree with each other: one key, two different sets of dates.
        var twice = """
            opgave,periode,deadline,startdatum
            asiel,2026-2027,2027-07-01,2026-02-05
            asiel,2026-2027,2027-07-01,2026-03-01
            """;
        var r2 = await Db.IngestTextAsync("cycli", twice, "cycli-dubbel.csv");
        Assert.Equal(IngestOutcome.Rejected, r2.Outcome);
        Assert.Contains("cyclus asiel 2026-2027 met deadline 1-7-2027 staat er meer dan eens in", Assert.Single(r2.Problems).Message);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.cycli"));
    }

    [Fact]
    public async Task Cycli_SameBytesTwice_IsANoOp_AndTheSameRowsInANewDelivery_ChangeNothing()
    {
        var first = await Db.IngestTextAsync("cycli", Cycle1, "cycli.csv");
        var again = await Db.IngestTextAsync("cycli", Cycle1, "cycli.csv");
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.DeliveryId, again.DuplicateOf);

        var before = await Db.QueryAsync<string>("SELECT c::text FROM monitor.cycli c ORDER BY 1");
        var sameRows = await Db.IngestTextAsync("cycli", Cycle1.Replace("Cyclus 1", "Cyclus 1").Replace(";", ",").Replace("2024 - 2025", "2024-2025"), "cycli-2.csv");
        Assert.Equal(IngestOutcome.Accepted, sameRows.Outcome);
        Assert.Equal(0, sameRows.RowsChanged);
        Assert.Equal(before, await Db.QueryAsync<string>("SELECT c::text FROM monitor.cycli c ORDER BY 1"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE kind = 'cycli'"));
    }

    [Fact]
    public async Task ASecondRowForOnePeriode_IsAnExtendedDeadline_AndAChangedDateIsARevision()
    {
        await Db.IngestTextAsync("cycli", Cycle1, "cycli.csv");
        var extension = """
            opgave,periode,deadline,omschrijving
            asiel,2024-2025,2026-01-01,In de praktijk een half jaar verlengd
            """;
        var r = await Db.IngestTextAsync("cycli", extension, "verlenging.csv");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.cycli WHERE opgave = 'asiel' AND periode = '2024-2025'"));
        Assert.Equal(["2025-07-01 True", "2026-01-01 False"], await Db.QueryAsync<string>(
            "SELECT to_char(deadline, 'YYYY-MM-DD') || ' ' || CASE WHEN verlengd THEN 'True' ELSE 'False' END FROM grafana.cycli WHERE opgave = 'asiel' ORDER BY deadline"));

        var calendar = await CalendarReader.ReadAsync(Db);
        Assert.Equal(new DateOnly(2026, 1, 1), calendar.NextDeadline(Opgave.Asiel, new DateOnly(2025, 7, 2)));
        Assert.Equal(new DateOnly(2025, 7, 1), calendar.NextDeadline(Opgave.Amv, new DateOnly(2025, 7, 1)));

        var corrected = Cycle1.Replace("31-12-2024;Cyclus 1", "15-1-2025;Cyclus 1");
        var c = await Db.IngestTextAsync("cycli", corrected, "cycli-correctie.csv");
        Assert.Equal((IngestOutcome.Accepted, 1L), (c.Outcome, c.RowsChanged));
        var revision = await Db.ScalarAsync<string>("SELECT old_value->>'verdeelbesluit_uiterlijk' || ' → ' || (new_value->>'verdeelbesluit_uiterlijk') FROM monitor.fact_revisions WHERE kind = 'cycli'");
        Assert.Equal("2024-12-31 → 2025-01-15", revision);
    }
}
