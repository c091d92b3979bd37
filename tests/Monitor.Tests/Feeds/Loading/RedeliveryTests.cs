using Monitor.Feeds;
using Monitor.Tests.Support;

namespace Monitor.Tests.Feeds.Loading;

/// <summary>
/// The same bytes again: a no-op while they are the feed's latest accepted delivery, and applied again as the newest
/// once a later delivery has replaced them, since re-delivering the previous file is how a publisher undoes a broken one.
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private readonly ReferenceDatabase _database = new();
    private Npgsql.NpgsqlDataSource Db => _database.Db;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private const string GoodContacts = "gebiedcode,rol,naam,email\nGM0014,college,College Groningen,college@groningen.example.org\n" +
                                        "PV20,prt,PRT Groningen,prt@groningen.example.org\n";

    // Valid, but wrong: the PRT's address is a typo, so its mail would go nowhere.
    private const string BrokenContacts = "gebiedcode,rol,naam,email\nGM0014,college,College Groningen,college@groningen.example.org\n" +
                                          "PV20,prt,PRT Groningen,prt@groningen.exmaple.org\n";

    private Task<List<(string, string, string)>> ContactsAsync() =>
        Db.QueryAsync<(string, string, string)>("SELECT gebiedcode, rol, email FROM monitor.contacten ORDER BY 1, 2, 3");

    [Fact]
    public async Task OlderContactenFile_AfterABrokenNewerOne_RestoresItsState_AndSaysSo()
    {
        var good = await Db.IngestTextAsync("contacten", GoodContacts, "contacten-v1.csv");
        var goodState = await ContactsAsync();
        var broken = await Db.IngestTextAsync("contacten", BrokenContacts, "contacten-v2.csv");
        Assert.Equal(IngestOutcome.Accepted, broken.Outcome);
        Assert.Contains(("PV20", "prt", "prt@groningen.exmaple.org"), await ContactsAsync());

        var again = await Db.IngestTextAsync("contacten", GoodContacts, "contacten-v1-opnieuw.csv");

        Assert.True(again.Outcome == IngestOutcome.Accepted, string.Join("\n", again.Problems));
        Assert.Equal(good.DeliveryId, again.Reapplies);
        Assert.Equal(broken.DeliveryId, again.SupersededBy);
        Assert.Equal(goodState, await ContactsAsync());
        Assert.Equal(good.DeliveryId, await Db.ScalarAsync<long>("SELECT reapplies FROM monitor.deliveries WHERE id = @id", new { id = again.DeliveryId }));
        Assert.Equal(again.DeliveryId, await Db.ScalarAsync<long>("SELECT min(delivery_id) FROM monitor.contacten"));

        // Now those bytes are the latest again: the same file once more changes nothing and says so.
        var before = await Db.FingerprintAsync();
        var once = await Db.IngestTextAsync("contacten", GoodContacts, "contacten-v1-nog-eens.csv");
        Assert.Equal(IngestOutcome.Duplicate, once.Outcome);
        Assert.Equal(again.DeliveryId, once.DuplicateOf);
        Assert.Equal(before, await Db.FingerprintAsync());
    }

    [Fact]
    public async Task OlderHuisvestingFile_AfterANewerOne_PutsItsFigureBack_AsARevision()
    {
        const string header = "peildatum,periode,gemeentecode,gehuisvest\n";
        var first = await Db.IngestTextAsync("huisvesting", header + "2025-03-31,2025-H1,GM0014,100\n");
        var second = await Db.IngestTextAsync("huisvesting", header + "2025-03-31,2025-H1,GM0014,10\n");
        Assert.Equal(IngestOutcome.Accepted, second.Outcome);
        Assert.Equal(10, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));

        var again = await Db.IngestTextAsync("huisvesting", header + "2025-03-31,2025-H1,GM0014,100\n");

        Assert.Equal(IngestOutcome.Accepted, again.Outcome);
        Assert.Equal((first.DeliveryId, second.DeliveryId), (again.Reapplies!.Value, again.SupersededBy!.Value));
        Assert.Equal(100, await Db.ScalarAsync<int>("SELECT gehuisvest FROM monitor.huisvesting WHERE gemeentecode = 'GM0014'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM monitor.fact_revisions WHERE new_delivery_id = @id AND old_delivery_id = @old",
            new { id = again.DeliveryId, old = second.DeliveryId }));
    }

    [Fact]
    public async Task SameBytesInAnotherFeedOfTheKind_StayADuplicate()
    {
        // Two feeds of one kind never load the same bytes twice: the second is recorded as the first's duplicate.
        var a = await Db.IngestTextAsync("contacten", GoodContacts, feed: "contacten-a");
        var b = await Db.IngestTextAsync("contacten", GoodContacts, feed: "contacten-b");
        Assert.Equal(IngestOutcome.Duplicate, b.Outcome);
        Assert.Equal(a.DeliveryId, b.DuplicateOf);
        Assert.Null(b.Reapplies);
    }
}
