using Monitor.Analysis;
using Monitor.Compute;
using Monitor.Tests.Support;
using Monitor.Cli;
using Monitor.Digests;

namespace Monitor.Tests.Digests;

/// <summary>The sample feeds computed to 20 November 2026: <c>monitor toezicht</c> and <c>monitor melding</c> against figures
/// read here from the raw facts.</summary>
public sealed class ToezichtSampleTests(ToezichtSampleTests.Computed fixture) : IClassFixture<ToezichtSampleTests.Computed>
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    public sealed class Computed : IAsyncLifetime
    {
        public SampleDatabase Database { get; } = new();
        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            await new ComputeService(Database.Db).RunAsync(full: true, [], AsOf);
        }
        public Task DisposeAsync() => Database.DisposeAsync();
    }

    private Npgsql.NpgsqlDataSource Db => fixture.Database.Db;

    private async Task<IReadOnlyList<(ToezichtGemeente G, LadderProposal P)>> BrabantAsync()
    {
        await using var conn = await Db.OpenConnectionAsync();
        return ToezichtQuery.Propose(await ToezichtQuery.ReadAsync(conn, ["PV30"], AsOf), new ToezichtOptions(), AsOf);
    }

    [Fact]
    public async Task Toezicht_ShowsTheChainKoppelingenAndRegister_AsTheRawFactsHaveThem()
    {
        var rows = await BrabantAsync();
        Assert.Equal(56, rows.Count);
        foreach (var code in new[] { "GM0798", "GM0758", "GM0744" })
        {
            var p = rows.Single(r => r.G.Gemeentecode == code).P;
            Assert.Equal(Periode.Parse("2026-H1"), p.LaatstePeriode);
            Assert.Equal(await Db.ScalarAsync<int>(
                "SELECT gemist_op_rij FROM monitor.taakstelling_halfjaren WHERE gemeentecode = @code AND periode = '2026-H1'", new { code }), p.GemistOpRij);
            Assert.Equal(await Db.ScalarAsync<int>("""
                SELECT gekoppeld FROM monitor.koppelingen WHERE gemeentecode = @code AND periode = '2026-H1' ORDER BY peildatum DESC LIMIT 1
                """, new { code }), p.Laatste!.Gekoppeld);
            Assert.Equal(await Db.ScalarAsync<string>("""
                SELECT stap FROM monitor.toezicht_besluiten WHERE gemeentecode = @code ORDER BY besluitdatum DESC LIMIT 1
                """, new { code }), p.Vastgelegd?.Stap);
        }
    }

    [Fact]
    public async Task Toezicht_TableAndCsv_ShowTheOnePassedTermijn()
    {
        var rows = await BrabantAsync();
        var passed = Assert.Single(rows, r => r.P.TermijnVerstreken);
        var termijn = await Db.ScalarAsync<DateTime>("""
            SELECT termijn FROM monitor.toezicht_besluiten WHERE gemeentecode = @code ORDER BY besluitdatum DESC LIMIT 1
            """, new { code = passed.G.Gemeentecode });
        Assert.True(DateOnly.FromDateTime(termijn) < AsOf);

        var table = new StringWriter();
        ToezichtFormats.Table(rows, AsOf, "brabant", table);
        var text = table.ToString();
        Assert.Contains("Toezicht op de taakstelling per 20 november 2026 (ladder brabant)", text);
        var line = text.Split('\n').Single(l => l.Contains(passed.G.Gemeentecode));
        Assert.Contains($"VERSTREKEN {DateOnly.FromDateTime(termijn):d-M-yyyy}", line);
        Assert.Contains("56 gemeenten;", text);
        Assert.Contains("1 met een verstreken termijn", text);

        var csv = ToezichtFormats.Csv(rows, AsOf).Split('\n');
        Assert.Equal(ToezichtFormats.CsvHeader, csv[0]);
        Assert.Single(csv, l => l.Split(',') is { Length: > 16 } f && f[16] == "ja");
    }

    [Fact]
    public async Task Melding_ForAGemeenteThatMissedThePassedDeadline_DraftsTheFactsAndLeavesCausesBlank()
    {
        // 's-Hertogenbosch had too few places on 1 July 2025 and still has.
        var input = await MeldingData.ReadAsync(Db, "GM0796", Opgave.Asiel, AsOf);
        var f = input.Facts;
        Assert.True(f.DeadlineVerstreken);
        Assert.Equal(new DateOnly(2025, 7, 1), f.Deadline);
        var onDeadline = (await Db.QueryAsync<(int Opgave, int Gerealiseerd)>(
            "SELECT opgave_aantal, gerealiseerd FROM monitor.series WHERE gebiedcode = 'GM0796' AND opgave = 'asiel' AND datum = '2025-07-01'")).Single();
        Assert.Equal(((int?)onDeadline.Opgave, onDeadline.Gerealiseerd), f.OpDeadline);
        var now = (await Db.QueryAsync<(int Opgave, int Gerealiseerd)>(
            "SELECT opgave_aantal, gerealiseerd FROM monitor.series WHERE gebiedcode = 'GM0796' AND opgave = 'asiel' AND datum = @AsOf", new { AsOf })).Single();
        Assert.Equal((now.Opgave, now.Gerealiseerd), (f.Opgavewaarde.Effectief!.Value, f.Gerealiseerd.Beschikbaar));
        Assert.True(f.TekortDreigt);
        Assert.NotNull(f.Prognose);

        var text = MeldingDocument.Text(input);
        Assert.Contains("Melding tekort asielopvang gemeente 's-Hertogenbosch", text);
        Assert.Contains($"Op 1 juli 2025 moesten {onDeadline.Opgave} plekken asielopvang beschikbaar zijn; op die dag waren het er {onDeadline.Gerealiseerd}", text);
        // The figure in force on the day is cycle 2's (indicative, corrected); the report names it with its source.
        Assert.Contains("Bron: ", text);
        Assert.Contains("2026-2027", text);
        Assert.Contains($"methode: {f.Prognose!.Methode}", text);
        Assert.Equal(2, text.Split("[In te vullen door het college]").Length - 1);
        var html = MeldingDocument.Html(input);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Equal(2, html.Split("contenteditable=\"true\"").Length - 1);
    }
}
