using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>Feed kind regimes and the optional plekken columns soort and duurzaam, loaded into a real warehouse.</summary>
public sealed class RegimesAndPlekkenSoortTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Regimes = """
        opgave;geldig_vanaf;geldig_tot;grondslag;omschrijving
        asiel;1-2-2024;;Spreidingswet;
        taakstelling;1-1-2024;1-1-2027;Huisvestingswet art. 28;"Afschaffing taakstelling, per 1 januari 2027"
        """;

    [Fact]
    public async Task Regimes_Accepted_ThenTheSameBytesAgainAreANoOp()
    {
        var r = await Db.IngestTextAsync("regimes", Regimes, "regimes.csv");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(2, r.RowsLoaded);
        Assert.Equal(new DateTime(2027, 1, 1), await Db.ScalarAsync<DateTime>("SELECT geldig_tot FROM monitor.regimes WHERE opgave = 'taakstelling'"));
        Assert.Equal("Afschaffing taakstelling, per 1 januari 2027",
            await Db.ScalarAsync<string>("SELECT omschrijving FROM monitor.regimes WHERE opgave = 'taakstelling'"));
        var again = await Db.IngestTextAsync("regimes", Regimes, "regimes.csv");
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(r.DeliveryId, again.DuplicateOf);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.regimes"));

        // A later list replaces it, and what changed is a revision with the delivery that changed it.
        var later = await Db.IngestTextAsync("regimes", "opgave,geldig_vanaf,geldig_tot,grondslag\ntaakstelling,2024-01-01,2027-07-01,Huisvestingswet art. 28\n");
        Assert.Equal(IngestOutcome.Accepted, later.Outcome);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.regimes"));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE kind = 'regimes' AND new_delivery_id = @id",
            new { id = later.DeliveryId }));
        // The view every output reads (today is after neither end date in this test's data: 2027-07-01 lies ahead).
        Assert.True(await Db.ScalarAsync<bool>("SELECT gevolgd FROM grafana.regimes WHERE opgave = 'taakstelling'"));
        Assert.True(await Db.ScalarAsync<bool>("SELECT gevolgd FROM grafana.regimes WHERE opgave = 'oekraine'"));   // no regime: monitored
        Assert.Null(Assert.Single(await Db.QueryAsync<string?>("SELECT tekst FROM grafana.regimes WHERE opgave = 'taakstelling'")));
    }

    [Fact]
    public async Task Regimes_Rejected_WithFileLineColumnAndDutchReason_ChangingNothing()
    {
        var r = await Db.IngestTextAsync("regimes", """
            opgave,geldig_vanaf,geldig_tot,grondslag
            asiel,2024-02-01,2024-01-01,Spreidingswet
            spreiding,2024-02-01,,Spreidingswet
            taakstelling,2024-01-01,,
            """, "fout.csv");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains(r.Problems, p => p is { File: "fout.csv", Line: 2, Column: "geldig_tot" } && p.Message.Contains("ligt niet na geldig_vanaf"));
        Assert.Contains(r.Problems, p => p is { Line: 3, Column: "opgave" });
        Assert.Contains(r.Problems, p => p is { Line: 4, Column: "grondslag" });
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.regimes"));

        var overlap = await Db.IngestTextAsync("regimes", """
            opgave,geldig_vanaf,geldig_tot,grondslag
            taakstelling,2024-01-01,2027-01-01,Huisvestingswet
            taakstelling,2026-07-01,,Nieuwe wet
            """, "overlap.csv");
        Assert.Equal(IngestOutcome.Rejected, overlap.Outcome);
        var p = Assert.Single(overlap.Problems);
        Assert.Equal(2, p.Line);
        Assert.Contains("overlapt met het regime vanaf 2026-07-01", p.Message);
    }

    [Fact]
    public async Task Plekken_SoortAndDuurzaam_AreStoredAndShown_AndFilesWithoutThemStayValid()
    {
        var r = await Db.IngestTextAsync("plekken", """
            peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,beschikbaar_vanaf,beschikbaar_tot,soort,duurzaam
            2025-03-01,asiel,GM0363,L1,beschikbaar,300,2024-01-01,,regulier,ja
            2025-03-01,asiel,GM0363,L2,beschikbaar,100,2024-01-01,,crisisnoodopvang,
            2025-03-01,oekraine,GM0363,L3,beschikbaar,50,2020-01-01,2026-12-31,goo,nee
            """, "plekken.csv", "coa");
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        var rows = (await Db.QueryAsync<(string Code, string? Soort, bool Duurzaam)>(
            "SELECT locatiecode, soort, duurzaam FROM grafana.locaties ORDER BY locatiecode")).ToList();
        Assert.Equal([("L1", "regulier", true), ("L2", "crisisnoodopvang", false), ("L3", "goo", false)], rows);

        var bad = await Db.IngestTextAsync("plekken", """
            peildatum,opgave,gemeentecode,locatiecode,status,capaciteit,soort,duurzaam
            2025-04-01,asiel,GM0363,L1,beschikbaar,300,paleis,misschien
            """, "soort.csv", "coa");
        Assert.Equal(IngestOutcome.Rejected, bad.Outcome);
        Assert.Contains(bad.Problems, p => p is { Line: 2, Column: "soort" });
        Assert.Contains(bad.Problems, p => p is { Line: 2, Column: "duurzaam" });

        var without = await Db.IngestTextAsync("plekken", "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n2025-05-01,asiel,GM0363,L1,beschikbaar,300\n",
            "oud.csv", "coa");
        Assert.Equal(IngestOutcome.Accepted, without.Outcome);
    }
}
