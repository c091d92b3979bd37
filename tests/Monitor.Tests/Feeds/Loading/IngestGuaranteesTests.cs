using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>Atomic, idempotent, traceable: what every delivery is promised.</summary>
public sealed class IngestGuaranteesTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string Snapshot = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n" +
                                    "2025-03-01,asiel,GM0014,G1,beschikbaar,300\n2025-03-01,asiel,GM0014,G2,beschikbaar,200\n";

    [Fact]
    public async Task Rejected_DeliveryWithOneBadRow_ChangesNoFigureAndNamesLineAndColumn()
    {
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", Snapshot, feed: "coa")).Outcome);
        var before = await Db.FingerprintAsync();

        var bad = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n" +
                  "2025-03-01,asiel,GM0014,G1,beschikbaar,999\n" +
                  "2025-03-01,asiel,GM9999,G3,beschikbaar,50\n" +
                  "2025-03-01,asiel,GM0014,G4,beschikbaar,-5\n";
        var r = await Db.IngestTextAsync("plekken", bad, "fout.csv", "coa");

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains(r.Problems, p => p.Line == 3 && p.Column == "gemeentecode" && p.Message.Contains("GM9999"));
        Assert.Contains(r.Problems, p => p.Line == 4 && p.Column == "capaciteit");
        Assert.All(r.Problems, p => Assert.Equal("fout.csv", p.File));
        Assert.Equal(before, await Db.FingerprintAsync());
        Assert.Equal("rejected", await Db.ScalarAsync<string>("SELECT outcome FROM monitor.deliveries WHERE id = @id", new { id = r.DeliveryId }));
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.delivery_payloads WHERE delivery_id = @id", new { id = r.DeliveryId }) > 0);
    }

    [Fact]
    public async Task SameBytesAgain_IsANoOpThatSaysSo()
    {
        var first = await Db.IngestTextAsync("plekken", Snapshot, feed: "coa");
        var before = await Db.FingerprintAsync();
        var again = await Db.IngestTextAsync("plekken", Snapshot, "andere-naam.csv", "coa");
        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.DeliveryId, again.DuplicateOf);
        Assert.Equal(before, await Db.FingerprintAsync());
    }

    [Fact]
    public async Task RetiredCode_IsMappedThroughHerindelingen_AndSplitIsApportioned()
    {
        // GM0007 (Bellingwedde) went into Westerwolde GM1950 in 2018; GM0788 (Haaren) was split in 2021.
        var csv = "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0007,10\n2025-03-31,2025-H1,GM0788,100\n";
        var r = await Db.IngestTextAsync("huisvesting", csv);
        Assert.True(r.Outcome == IngestOutcome.Accepted, string.Join("\n", r.Problems));
        Assert.Equal(10, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM1950'"));
        var split = await Db.QueryAsync<(string, int)>("SELECT gemeentecode, gehuisvest FROM monitor.huisvesting WHERE gemeentecode IN ('GM0757','GM0824','GM0855','GM0865') ORDER BY 1");
        Assert.Equal([("GM0757", 15), ("GM0824", 42), ("GM0855", 10), ("GM0865", 33)], split);
    }

    [Fact]
    public async Task UnknownCode_IsAClearRejection()
    {
        var r = await Db.IngestTextAsync("huisvesting", "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM1234,10\n");
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains("onbekende gemeentecode GM1234", Assert.Single(r.Problems).Message);
    }

    [Fact]
    public async Task Snapshot_LocationMissingLater_IsNotInTheLaterSnapshot_AndRedeliveryRecordsRevision()
    {
        await Db.IngestTextAsync("plekken", Snapshot, feed: "coa");
        var later = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n2025-04-01,asiel,GM0014,G1,beschikbaar,300\n";
        Assert.Equal(IngestOutcome.Accepted, (await Db.IngestTextAsync("plekken", later, feed: "coa")).Outcome);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.plekken WHERE peildatum = '2025-04-01' AND locatiecode = 'G2'"));

        var corrected = "peildatum,opgave,gemeentecode,locatiecode,status,capaciteit\n2025-03-01,asiel,GM0014,G1,beschikbaar,350\n";
        var r = await Db.IngestTextAsync("plekken", corrected, feed: "coa");
        Assert.Equal(IngestOutcome.Accepted, r.Outcome);
        // The corrected snapshot changed G1 and dropped G2: two revisions, both caused by this delivery.
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE new_delivery_id = @id", new { id = r.DeliveryId }));
    }

    [Fact]
    public async Task DuplicateKeyWithDifferentFigures_IsRejected()
    {
        var csv = "peildatum,periode,gemeentecode,gehuisvest\n2025-03-31,2025-H1,GM0014,10\n2025-03-31,2025-H1,GM0014,12\n";
        var r = await Db.IngestTextAsync("huisvesting", csv);
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Contains("meer dan eens", r.Problems[0].Message);
    }
}

/// <summary>Reference data keeps its history: renamed provincies and changed regio memberships stay visible.</summary>
public sealed class ReferenceHistoryTests(ReferenceDatabase database) : IClassFixture<ReferenceDatabase>
{
    [Fact]
    public async Task RegioMembership_ChangedByALaterDelivery_KeepsTheEndedMembershipWithBothDeliveries()
    {
        var first = await database.Db.IngestTextAsync("regios", "regiocode,regionaam,gemeentecode\nRX,Regio X,GM0855\nRX,Regio X,GM0824\n", "regios-1.csv");
        var second = await database.Db.IngestTextAsync("regios", "regiocode,regionaam,gemeentecode\nRX,Regio X,GM0855\nRX,Regio X,GM0766\n", "regios-2.csv");
        Assert.Equal((IngestOutcome.Accepted, IngestOutcome.Accepted), (first.Outcome, second.Outcome));

        var history = await database.Db.QueryAsync<(string Gemeente, long Started, long? EndedBy)>(
            "SELECT gemeentecode, delivery_id, beeindigd_door FROM monitor.regio_lidmaatschap WHERE regiocode = 'RX' ORDER BY gemeentecode");
        Assert.Equal([("GM0766", second.DeliveryId, null), ("GM0824", first.DeliveryId, second.DeliveryId), ("GM0855", first.DeliveryId, null)], history);
        Assert.Equal(["GM0766", "GM0855"], await database.Db.QueryAsync<string>("SELECT gemeentecode FROM monitor.regio_leden WHERE regiocode = 'RX' ORDER BY 1"));
    }

    [Fact]
    public async Task ProvincieRenamed_KeepsEveryNameItHad()
    {
        var csv = await File.ReadAllTextAsync(RepoPaths.Samples("reference", "gemeenten-2025.csv"));
        var renamed = await database.Db.IngestTextAsync("gemeenten", csv.Replace(",Fryslân,", ",Friesland,"), "gemeenten-hernoemd.csv");
        Assert.True(renamed.Outcome == IngestOutcome.Accepted, string.Join("\n", renamed.Problems));
        Assert.Equal(["Fryslân", "Friesland"], await database.Db.QueryAsync<string>(
            "SELECT naam FROM monitor.provincie_versies WHERE code = 'PV21' ORDER BY vanaf, delivery_id"));
        Assert.Equal("Friesland", await database.Db.ScalarAsync<string>("SELECT naam FROM monitor.provincies WHERE code = 'PV21'"));
    }
}
