using Monitor.Compute;
using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Compute;

/// <summary>An ended regime on the sample warehouse: the taakstelling ends on 1 January 2026. From then on nothing is
/// computed for it, its history stays readable, and monitor gaps says "taakstelling beëindigd per 1-1-2026".</summary>
public sealed class EndedRegimeTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2026, 2, 15);
    private readonly SampleDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var r = await Db.IngestTextAsync("regimes", """
            opgave,geldig_vanaf,geldig_tot,grondslag,omschrijving
            taakstelling,2024-01-01,2026-01-01,Huisvestingswet art. 28,Taakstelling afgeschaft
            asiel,2024-02-01,,Spreidingswet,
            """);
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        await new ComputeService(Db).RunAsync(full: true, [], AsOf);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AfterTheEnd_NoRowsAndNoNewHalfYear_HistoryReadable_AndGapsSaysSo()
    {
        Assert.Equal(new DateTime(2025, 12, 31), await Db.ScalarAsync<DateTime>("SELECT max(datum) FROM monitor.series WHERE opgave = 'taakstelling'"));
        Assert.Equal(new DateTime(2026, 2, 15), await Db.ScalarAsync<DateTime>("SELECT max(datum) FROM monitor.series WHERE opgave = 'asiel'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.taakstelling_halfjaren WHERE periode = '2026-H1'"));
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.taakstelling_halfjaren WHERE periode = '2025-H2' AND afgerond") > 300);

        var rows = await new GapQuery(Db).ReadAsync(["GM0014", "PV20"], ["asiel", "taakstelling"], AsOf);
        Assert.Equal(["GM0014 asiel", "GM0014 taakstelling", "PV20 asiel", "PV20 taakstelling"], rows.Select(r => $"{r.Gebiedcode} {r.Opgave}"));
        var ended = rows.Where(r => r.Opgave == "taakstelling").ToList();
        Assert.All(ended, r => Assert.Equal(new DateOnly(2025, 12, 31), r.Datum));          // the last figures, as they were
        Assert.All(ended, r => Assert.Equal("taakstelling beëindigd per 1-1-2026", r.Toelichting));
        Assert.All(ended, r => Assert.NotNull(r.OpgaveAantal));
        Assert.All(rows.Where(r => r.Opgave == "asiel"), r => Assert.Equal(AsOf, r.Datum));

        // The view the dashboards and the digest read says the same on the day it applies.
        Assert.Equal("taakstelling beëindigd per 1-1-2026", await Db.ScalarAsync<string>("SELECT tekst FROM grafana.regimes WHERE opgave = 'taakstelling'"));
        Assert.False(await Db.ScalarAsync<bool>("SELECT gevolgd FROM grafana.regimes WHERE opgave = 'taakstelling'"));
        Assert.Equal("taakstelling beëindigd per 1-1-2026", await Db.ScalarAsync<string>(
            "SELECT toelichting FROM grafana.stand_toelichting WHERE gebiedcode = 'GM0014' AND opgave = 'taakstelling'"));
        Assert.Null(Assert.Single(await Db.QueryAsync<string?>("SELECT toelichting FROM grafana.stand_toelichting WHERE gebiedcode = 'GM0014' AND opgave = 'asiel'")));
    }

    [Fact]
    public async Task Cycle2_OnTheSamples_TheProvincialFigureBinds_AndAnUnknownRegioSaysWhy()
    {
        // On 2026-02-15 cycle 2's PV figures (5-2-2026) are in force and no gemeente has a cycle-2 figure yet.
        var pv = await Db.ScalarAsync<int>("SELECT aantal FROM monitor.opgaven WHERE opgave = 'asiel' AND periode = '2026-2027' AND gebiedcode = 'PV30'");
        var rows = await new GapQuery(Db).ReadAsync(["PV30", "RHVB", "NL"], ["asiel"], AsOf);
        Assert.Equal([pv, null, 88_000], rows.Select(r => r.OpgaveAantal));
        Assert.Equal("bruto tekort onbekend: 56 van 56 gemeenten zonder opgave", rows[0].Toelichting);
        Assert.Equal("onbekend: 9 van 9 gemeenten zonder opgave", rows[1].Toelichting);
        Assert.Equal("onbekend: 9 van 9 gemeenten zonder opgave", await Db.ScalarAsync<string>(
            "SELECT toelichting FROM grafana.stand_toelichting WHERE gebiedcode = 'RHVB' AND opgave = 'asiel'"));
    }
}
